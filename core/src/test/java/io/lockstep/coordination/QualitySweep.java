package io.lockstep.coordination;

import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Quality tables for docs/quality.md (a main, not a test): the planted scenario at several camouflage ratios and
 * participation rates, each signal alone and all signals together, default parameters.
 *
 * <pre>
 * mvn -B -q -o -pl core test-compile
 * java -cp core/target/classes:core/target/test-classes:$HOME/.m2/repository/it/unimi/dsi/fastutil/8.5.15/fastutil-8.5.15.jar \
 *     io.lockstep.coordination.QualitySweep
 * </pre>
 */
public final class QualitySweep {
    public static void main(String[] args) {
        double[] camouflages = {0.0, 1.0, 3.0};
        double[] participations = {0.5, 0.8, 1.0};
        CoordinationParams params = CoordinationParams.defaults();
        Map<String, StringBuilder> tables = new LinkedHashMap<>();
        List<String> configs = new ArrayList<>(CoordinationParams.ALL_SIGNALS);
        configs.add("all signals");
        for (String c : configs) {
            tables.put(c, new StringBuilder("| camouflage | participation | botnet P/R | follower-farm P/R | "
                    + "link-ring P/R | copypasta P/R | FPR fandom | FPR news | FPR ordinary |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n"));
        }
        for (double camo : camouflages) {
            for (double part : participations) {
                PlantedScenario s = new PlantedScenario(2026, camo, part);
                Map<String, List<CoordinationEdge>> bySignal = new LinkedHashMap<>();
                List<CoordinationEdge> all = new ArrayList<>();
                for (String name : CoordinationParams.ALL_SIGNALS) {
                    if (Signal.of(name).afterVerdicts()) {
                        continue; // amplified-seed runs in assemble
                    }
                    SignalGraph g = CoordinationDetector.create(name, params).graph(s.activity,
                            ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
                    bySignal.put(name, g.edges());
                    all.addAll(g.edges());
                }
                bySignal.put("all signals", all);
                for (var e : bySignal.entrySet()) {
                    CoordinationResult r = new CoordinationDetector(params).assemble(s.activity, e.getValue(),
                            ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
                    QualityEvaluation q = new QualityEvaluation(s, r);
                    StringBuilder row = tables.get(e.getKey());
                    row.append(String.format(Locale.ROOT, "| %.0f | %.1f |", camo, part));
                    for (String op : PlantedScenario.OPS) {
                        double[] x = q.byOp.get(op);
                        row.append(String.format(Locale.ROOT, " %.2f / %.2f |", x[0], x[1]));
                    }
                    row.append(String.format(Locale.ROOT, " %.3f | %.3f | %.4f |%n", q.fpr.get("fandom"),
                            q.fpr.get("news"), q.fpr.get("ordinary")));
                }
                System.err.printf(Locale.ROOT, "done camouflage %.0f participation %.1f%n", camo, part);
            }
        }
        for (var e : tables.entrySet()) {
            System.out.println("#### " + e.getKey() + "\n\n" + e.getValue());
        }
    }
}
