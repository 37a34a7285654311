package io.lockstep.analysis;

import io.lockstep.activity.Activity;
import io.lockstep.cli.Lockstep;
import io.lockstep.coordination.AccountVerdict;
import io.lockstep.coordination.CoordinationResult;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.simulate.ScenarioConfig;
import io.lockstep.simulate.Simulator;
import io.lockstep.store.ActivityReader;
import io.lockstep.store.GraphStore;
import io.lockstep.store.ResultWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write-back split around detection ({@link AnalysisWriteBack#writeInfluence} beside it, with every account's
 * default verdict, then {@link AnalysisWriteBack#writeVerdicts} for the accounts whose verdict is not the default)
 * leaves the accounts' properties that the one-shot {@link AnalysisWriteBack#writeAccounts} leaves, also over the
 * results of an earlier run that flagged every account: on a simulated botnet archive in an embedded store.
 */
class AnalysisWriteBackTest {
    @TempDir
    static Path tmp;
    static List<Path> files;

    @BeforeAll
    static void simulate() throws IOException {
        Path archive = tmp.resolve("archive");
        new Simulator(ScenarioConfig.preset("botnet", 600, 3, 11L)).write(archive, ProgressListener.NONE);
        files = List.of(archive.resolve("users.csv"), archive.resolve("tweets.csv"), archive.resolve("follows.csv"));
    }

    @Test
    void theSplitWriteLeavesTheAccountsTheOneShotWriteLeaves() {
        try (GraphStore store = GraphStore.embedded(imported())) {
            Analysis analysis = analysis(store);
            AnalysisWriteBack.writeAccounts(store, analysis, false, ProgressListener.NONE);
            List<List<Object>> expected = accounts(store);
            // then an earlier run's results on every account, which the default verdicts must replace
            AnalysisWriteBack.writeAccounts(store, everyAccountFlagged(analysis), false, ProgressListener.NONE);
            ResultWriter.AccountNodes nodes = AnalysisWriteBack.accountNodes(store, null);
            AnalysisWriteBack.writeInfluence(store, analysis.activity(), analysis.community(), analysis.pagerank(),
                    analysis.coreness(), nodes);
            AnalysisWriteBack.writeVerdicts(store, analysis, nodes, ProgressListener.NONE);
            assertThat(accounts(store)).isEqualTo(expected);

            long decided = Arrays.stream(analysis.detection().accounts())
                    .filter(v -> !AnalysisWriteBack.isDefault(v)).count();
            assertThat(decided).as("accounts with a verdict other than the default").isPositive()
                    .isLessThan(expected.size());
            assertThat(expected.stream().filter(r -> Boolean.TRUE.equals(r.get(6))).count())
                    .as("suspicious accounts in the store").isPositive();
        }
    }

    private static Path imported() {
        Path store = tmp.resolve("store");
        List<String> args = new ArrayList<>(List.of("import", "--quiet", "--store", store.toString()));
        files.forEach(f -> args.add(f.toString()));
        CommandLine cmd = Lockstep.commandLine();
        StringWriter err = new StringWriter();
        cmd.setErr(new PrintWriter(err, true));
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        assertThat(cmd.execute(args.toArray(String[]::new))).as(err.toString()).isZero();
        return store;
    }

    private static Analysis analysis(GraphStore store) {
        Activity activity = ActivityReader.read(store);
        return new AnalysisPipeline(AnalysisParams.defaults(), true, new PrintWriter(new StringWriter()))
                .analyse(activity, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
    }

    /** {@code analysis} with every account suspicious in cluster 0 with score 1 and one signal. */
    private static Analysis everyAccountFlagged(Analysis analysis) {
        CoordinationResult d = analysis.detection();
        AccountVerdict[] flagged = new AccountVerdict[d.accounts().length];
        for (int a = 0; a < flagged.length; a++) {
            flagged[a] = new AccountVerdict(a, 1.0, true, 0, List.of("co-retweet"));
        }
        return new Analysis(analysis.activity(), analysis.community(), analysis.modularity(), analysis.pagerank(),
                analysis.coreness(), new CoordinationResult(d.edges(), d.clusters(), flagged, d.campaigns(),
                d.params(), d.blocks()));
    }

    /** Every account's result properties, by id. */
    private static List<List<Object>> accounts(GraphStore store) {
        try (Session s = store.session()) {
            return s.run("""
                    MATCH (a:Account)
                    RETURN a.id AS id, a.community AS community, a.pagerank AS pagerank, a.coreness AS coreness,
                           a.cluster AS cluster, a.score AS score, a.suspicious AS suspicious, a.signals AS signals
                    ORDER BY id""").list(Record::values).stream()
                    .map(values -> values.stream().map(v -> v.asObject()).toList()).toList();
        }
    }
}
