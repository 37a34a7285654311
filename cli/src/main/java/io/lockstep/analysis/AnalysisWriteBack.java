package io.lockstep.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lockstep.activity.Activity;
import io.lockstep.campaign.Campaign;
import io.lockstep.coordination.AccountVerdict;
import io.lockstep.coordination.Cluster;
import io.lockstep.coordination.CoordinationEdge;
import io.lockstep.coordination.Evidence;
import io.lockstep.store.GraphStore;
import io.lockstep.store.ResultWriter;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
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

    static void write(GraphStore store, Analysis analysis) {
        Activity act = analysis.activity();
        AccountVerdict[] verdicts = analysis.detection().accounts();
        List<Map<String, Object>> accounts = new ArrayList<>(act.accountCount());
        for (int a = 0; a < act.accountCount(); a++) {
            AccountVerdict v = verdicts[a];
            Map<String, Object> props = new HashMap<>();
            props.put("community", analysis.community()[a] < 0 ? null : analysis.community()[a]);
            props.put("pagerank", analysis.pagerank()[a]);
            props.put("coreness", analysis.coreness()[a]);
            props.put("cluster", v.cluster() < 0 ? null : v.cluster());
            props.put("score", v.score());
            props.put("suspicious", v.suspicious());
            props.put("signals", v.signals());
            accounts.add(Map.of("id", act.accountId(a), "props", props));
        }
        ResultWriter.setAccountProperties(store, accounts);

        List<Map<String, Object>> edges = new ArrayList<>(analysis.detection().edges().size());
        for (CoordinationEdge e : analysis.detection().edges()) {
            edges.add(Map.of("source", act.accountId(e.source()), "target", act.accountId(e.target()),
                    "signal", e.signal(), "weight", e.weight(), "count", e.count(),
                    "evidence", evidenceJson(e.evidence())));
        }
        ResultWriter.replaceCoordination(store, edges);

        List<Map<String, Object>> clusters = new ArrayList<>();
        for (Cluster c : analysis.detection().clusters()) {
            Map<String, Object> props = new HashMap<>();
            props.put("kind", c.kind());
            props.put("size", c.members().length);
            props.put("score", c.score());
            props.put("signals", c.signals());
            props.put("top_hashtags", c.topHashtags());
            props.put("first_seen", c.firstSeen() == Activity.NO_TIME ? null : c.firstSeen());
            props.put("last_seen", c.lastSeen() == Activity.NO_TIME ? null : c.lastSeen());
            clusters.add(Map.of("id", c.id(), "props", props, "members", ids(act, c.members())));
        }
        ResultWriter.replaceClusters(store, clusters);

        List<Map<String, Object>> campaigns = new ArrayList<>();
        for (Campaign c : analysis.detection().campaigns()) {
            Map<String, Object> props = new HashMap<>();
            props.put("hashtag", c.hashtag());
            props.put("start", c.start());
            props.put("end", c.end());
            props.put("volume_share", c.volumeShare());
            campaigns.add(Map.of("id", c.hashtag() + "@" + c.start(), "props", props,
                    "seeds", ids(act, c.seeds()), "amplifiers", ids(act, c.amplifiers())));
        }
        ResultWriter.replaceCampaigns(store, campaigns);
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
