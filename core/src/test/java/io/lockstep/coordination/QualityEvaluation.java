package io.lockstep.coordination;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Precision and recall per planted operation and false-positive rates per negative group. Clusters are matched to
 * the operation that holds the majority of their members; an operation's predicted accounts are the suspicious
 * members of its matched clusters.
 */
final class QualityEvaluation {
    final Map<String, double[]> byOp = new HashMap<>(); // op -> {precision, recall, predicted, truth}
    final Map<String, Double> fpr = new HashMap<>();

    QualityEvaluation(PlantedScenario s, CoordinationResult r) {
        var a = s.activity;
        Map<String, Set<Integer>> truth = new HashMap<>();
        for (int v = 0; v < a.accountCount(); v++) {
            truth.computeIfAbsent(s.group.getOrDefault(a.accountId(v), "ordinary"), k -> new HashSet<>()).add(v);
        }
        Map<String, Set<Integer>> predicted = new HashMap<>();
        for (Cluster c : r.clusters()) {
            Map<String, Integer> votes = new HashMap<>();
            for (int m : c.members()) {
                votes.merge(s.group.getOrDefault(a.accountId(m), "ordinary"), 1, Integer::sum);
            }
            String major = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            for (int m : c.members()) {
                if (r.accounts()[m].suspicious()) {
                    predicted.computeIfAbsent(major, k -> new HashSet<>()).add(m);
                }
            }
        }
        for (String op : PlantedScenario.OPS) {
            Set<Integer> p = predicted.getOrDefault(op, Set.of());
            Set<Integer> t = truth.getOrDefault(op, Set.of());
            long hit = p.stream().filter(t::contains).count();
            byOp.put(op, new double[]{p.isEmpty() ? 0 : (double) hit / p.size(), t.isEmpty() ? 0 : (double) hit / t.size(),
                    p.size(), t.size()});
        }
        for (String neg : new String[]{"fandom", "news", "ordinary"}) {
            Set<Integer> t = truth.getOrDefault(neg, Set.of());
            long flagged = t.stream().filter(v -> r.accounts()[v].suspicious()).count();
            fpr.put(neg, t.isEmpty() ? 0 : (double) flagged / t.size());
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (String op : PlantedScenario.OPS) {
            double[] x = byOp.get(op);
            b.append(String.format(Locale.ROOT, "%s P=%.3f R=%.3f (%d/%d) ", op, x[0], x[1], (int) x[2], (int) x[3]));
        }
        for (String neg : new String[]{"fandom", "news", "ordinary"}) {
            b.append(String.format(Locale.ROOT, "FPR[%s]=%.4f ", neg, fpr.get(neg)));
        }
        return b.toString().trim();
    }
}
