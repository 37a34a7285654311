package io.lockstep.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lockstep.activity.Activity;
import io.lockstep.campaign.Campaign;
import io.lockstep.coordination.AccountVerdict;
import io.lockstep.coordination.Cluster;
import io.lockstep.coordination.CoordinationEdge;
import io.lockstep.coordination.Evidence;
import io.lockstep.progress.ProgressListener;
import io.lockstep.store.GraphStore;
import io.lockstep.store.ResultWriter;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link Analysis} back into the store (see docs/graph-model.md, "Results"): account properties,
 * {@code COORDINATED_WITH} relationships with their evidence as JSON, clusters and campaigns. Previous results are
 * replaced, so re-running never duplicates.
 */
final class AnalysisWriteBack {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnalysisWriteBack() {
    }

    /** Writes the results, one progress task per kind (accounts, coordination edges, clusters and campaigns). */
    static void write(GraphStore store, Analysis analysis, ProgressListener progress) {
        write(store, analysis, false, progress);
    }

    /**
     * As {@link #write(GraphStore, Analysis, ProgressListener)}; with {@code resultsOnly} (the store does not hold
     * the archive) the accounts the results name are created first, and only theirs are written: every account with
     * a score above 0, in a cluster, on a coordination edge or in a campaign (accounts.csv lists them all).
     */
    static void write(GraphStore store, Analysis analysis, boolean resultsOnly, ProgressListener progress) {
        writeGroups(store, analysis, writeAccounts(store, analysis, resultsOnly, progress), progress);
    }

    /**
     * The first part of {@link #write(GraphStore, Analysis, boolean, ProgressListener)}: the accounts' properties
     * and the {@code COORDINATED_WITH} relationships, all that the account-level exports read (graph.graphml).
     * Returns the accounts' node ids, for {@link #writeGroups}.
     */
    static ResultWriter.AccountNodes writeAccounts(GraphStore store, Analysis analysis, boolean resultsOnly, ProgressListener progress) {
        return writeAccounts(store, analysis, resultsOnly, null, progress);
    }

    /**
     * As above; {@code staged} (may be null): the accounts' node ids as the bulk load that just filled the store gave
     * them, used when a sample of them checks out against the store instead of reading all of them back.
     */
    static ResultWriter.AccountNodes writeAccounts(GraphStore store, Analysis analysis, boolean resultsOnly,
                                                   ResultWriter.AccountNodes staged, ProgressListener progress) {
        Activity act = analysis.activity();
        boolean[] named = resultsOnly ? named(analysis) : null;
        if (resultsOnly) {
            List<ResultWriter.AccountNode> nodes = new ArrayList<>();
            for (int a = 0; a < act.accountCount(); a++) {
                if (named[a]) {
                    nodes.add(new ResultWriter.AccountNode(act.accountId(a), act.screenName(a)));
                }
            }
            progress.begin("Creating the accounts the results name", nodes.size());
            ResultWriter.mergeAccounts(store, nodes);
            progress.end();
        }
        ResultWriter.AccountNodes nodes = resultsOnly ? ResultWriter.AccountNodes.read(store)
                : accountNodes(store, staged);
        List<ResultWriter.AccountResult> accounts = accountResults(analysis.activity(), analysis.community(),
                analysis.pagerank(), analysis.coreness(), analysis.detection().accounts(), named);
        progress.begin("Writing account results", accounts.size());
        ResultWriter.writeAccountResults(store, accounts, nodes);
        progress.end();
        writeCoordination(store, analysis, nodes, progress);
        return nodes;
    }

    /**
     * The accounts' node ids in a store that holds the whole archive: {@code staged} (may be null), the ones the bulk
     * load that just filled the store gave, when a sample of them checks out against the store; otherwise read.
     */
    static ResultWriter.AccountNodes accountNodes(GraphStore store, ResultWriter.AccountNodes staged) {
        return staged != null && staged.agreesWith(store, 1_000) ? staged : ResultWriter.AccountNodes.read(store);
    }

    /**
     * Every account's results for a store that holds the whole archive, before detection has given the verdicts: the
     * influence part ({@code community}, {@code pagerank}, {@code coreness}; see {@link ResultWriter.AccountPart}),
     * the values {@link #writeAccounts} writes, and the default verdict (no cluster, score 0, not suspicious, no
     * signals), which most accounts keep; {@link #writeVerdicts} then writes the others. On the calling
     * thread alone: it runs beside detection, which has the other core.
     */
    static void writeInfluence(GraphStore store, Activity act, int[] community, double[] pagerank, int[] coreness,
                               ResultWriter.AccountNodes nodes) {
        ResultWriter.writeAccountResults(store, accountResults(act, community, pagerank, coreness, null, null), nodes,
                EnumSet.allOf(ResultWriter.AccountPart.class), 1);
    }

    /**
     * The rest of {@link #writeAccounts} once {@link #writeInfluence} has written the influence and the default
     * verdicts: the verdict of every account whose verdict is not the default ({@link #isDefault}) and the
     * {@code COORDINATED_WITH} relationships. The store then holds what {@link #writeAccounts} leaves.
     */
    static void writeVerdicts(GraphStore store, Analysis analysis, ResultWriter.AccountNodes nodes,
                              ProgressListener progress) {
        AccountVerdict[] verdicts = analysis.detection().accounts();
        boolean[] decided = new boolean[verdicts.length];
        for (int a = 0; a < verdicts.length; a++) {
            decided[a] = !isDefault(verdicts[a]);
        }
        List<ResultWriter.AccountResult> accounts = accountResults(analysis.activity(), analysis.community(),
                analysis.pagerank(), analysis.coreness(), verdicts, decided);
        progress.begin("Writing account results", accounts.size());
        ResultWriter.writeAccountResults(store, accounts, nodes, ResultWriter.AccountPart.VERDICT,
                ResultWriter.ACCOUNT_STREAMS);
        progress.end();
        writeCoordination(store, analysis, nodes, progress);
    }

    /**
     * Whether {@code v} is what {@link #writeInfluence} writes as every account's verdict: no cluster, a score of
     * exactly 0.0 (not −0.0), not suspicious, no signals.
     */
    static boolean isDefault(AccountVerdict v) {
        return v.cluster() < 0 && Double.doubleToRawLongBits(v.score()) == 0L && !v.suspicious()
                && v.signals().isEmpty();
    }

    /**
     * One row per account ({@code named}, may be null: only those), with no verdict ({@code verdicts} null: no
     * cluster, score 0, not suspicious, no signals) before detection has given one.
     */
    private static List<ResultWriter.AccountResult> accountResults(Activity act, int[] community, double[] pagerank,
                                                                   int[] coreness, AccountVerdict[] verdicts,
                                                                   boolean[] named) {
        List<ResultWriter.AccountResult> accounts = new ArrayList<>(act.accountCount());
        for (int a = 0; a < act.accountCount(); a++) {
            if (named != null && !named[a]) {
                continue;
            }
            AccountVerdict v = verdicts == null ? null : verdicts[a];
            accounts.add(new ResultWriter.AccountResult(act.accountId(a), community[a] < 0 ? null : community[a],
                    pagerank[a], coreness[a], v == null || v.cluster() < 0 ? null : v.cluster(),
                    v == null ? 0.0 : v.score(), v != null && v.suspicious(), v == null ? List.of() : v.signals()));
        }
        return accounts;
    }

    private static void writeCoordination(GraphStore store, Analysis analysis, ResultWriter.AccountNodes nodes,
                                          ProgressListener progress) {
        Activity act = analysis.activity();
        List<ResultWriter.CoordinationEdgeResult> edges = new ArrayList<>(analysis.detection().edges().size());
        for (CoordinationEdge e : analysis.detection().edges()) {
            edges.add(new ResultWriter.CoordinationEdgeResult(act.accountId(e.source()), act.accountId(e.target()),
                    e.signal(), e.weight(), e.count(), evidenceJson(e.evidence())));
        }
        progress.begin("Writing coordination edges", edges.size());
        ResultWriter.replaceCoordination(store, edges, nodes);
        progress.end();
    }

    /** The second part: the {@code Cluster} and {@code Campaign} nodes and the accounts' roles in them. */
    static void writeGroups(GraphStore store, Analysis analysis, ResultWriter.AccountNodes nodes,
                            ProgressListener progress) {
        Activity act = analysis.activity();
        progress.begin("Writing clusters, campaigns", -1);
        List<ResultWriter.ClusterResult> clusters = new ArrayList<>();
        for (Cluster c : analysis.detection().clusters()) {
            clusters.add(new ResultWriter.ClusterResult(c.id(), c.kind(), c.members().length, c.score(), c.signals(),
                    c.topHashtags(), c.firstSeen() == Activity.NO_TIME ? null : c.firstSeen(),
                    c.lastSeen() == Activity.NO_TIME ? null : c.lastSeen(), ids(act, c.members())));
        }
        ResultWriter.replaceClusters(store, clusters, nodes);

        List<ResultWriter.CampaignResult> campaigns = new ArrayList<>();
        for (Campaign c : analysis.detection().campaigns()) {
            campaigns.add(new ResultWriter.CampaignResult(c.hashtag() + "@" + c.start(), c.hashtag(), c.start(),
                    c.end(), c.volumeShare(), ids(act, c.seeds()), ids(act, c.amplifiers())));
        }
        ResultWriter.replaceCampaigns(store, campaigns, nodes);
        progress.end();
    }

    /** The accounts a results-only store holds: score above 0, in a cluster, on an edge or in a campaign. */
    static boolean[] named(Analysis analysis) {
        AccountVerdict[] verdicts = analysis.detection().accounts();
        boolean[] named = new boolean[analysis.activity().accountCount()];
        for (int a = 0; a < named.length; a++) {
            named[a] = verdicts[a].score() > 0 || verdicts[a].cluster() >= 0;
        }
        for (CoordinationEdge e : analysis.detection().edges()) {
            named[e.source()] = true;
            named[e.target()] = true;
        }
        for (Cluster c : analysis.detection().clusters()) {
            for (int m : c.members()) {
                named[m] = true;
            }
        }
        for (Campaign c : analysis.detection().campaigns()) {
            for (int m : c.seeds()) {
                named[m] = true;
            }
            for (int m : c.amplifiers()) {
                named[m] = true;
            }
        }
        return named;
    }

    static List<String> ids(Activity act, int[] accounts) {
        List<String> out = new ArrayList<>(accounts.length);
        for (int a : accounts) {
            out.add(act.accountId(a));
        }
        return out;
    }

    static String evidenceJson(List<Evidence> evidence) {
        List<Map<String, Object>> items = new ArrayList<>(evidence.size());
        for (Evidence e : evidence) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("item", e.item());
            m.put("source_time", e.sourceTime());
            m.put("target_time", e.targetTime());
            items.add(m);
        }
        try {
            return JSON.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
