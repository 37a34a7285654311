package io.lockstep.analysis;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import io.lockstep.coordination.AccountVerdict;
import io.lockstep.coordination.CoordinationEdge;
import io.lockstep.store.GraphExport;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * An {@link Analysis} as the account graph {@link GraphExport} writes: the graph the store holds once the archive
 * and the analysis's results are written to it, read from memory. {@code graph.graphml} is written from it beside
 * the write-back instead of from the store after it; for an archive loaded into the store by one import the file is
 * byte for byte the one {@code export --flagged} writes from the store.
 *
 * <p>The activity holds one reference per post (the one its kind names), one mention per post and account and one
 * follow per pair, as the store does; it holds no {@code INTERACTS} relationships (edge-list files): a store that
 * holds some is exported from the store. Each question costs one pass over the posts, the follows or the
 * coordination edges.
 */
final class AnalysisGraph implements GraphExport.Source {
    private final Analysis analysis;
    private final Activity act;
    /** The dense id of every account this source has named (the exporter asks only about those). */
    private final Object2IntOpenHashMap<String> named = new Object2IntOpenHashMap<>();

    AnalysisGraph(Analysis analysis) {
        this.analysis = analysis;
        this.act = analysis.activity();
        named.defaultReturnValue(-1);
    }

    @Override
    public Collection<String> seeds(GraphExport.Scope scope) {
        List<String> ids = new ArrayList<>();
        AccountVerdict[] verdicts = analysis.detection().accounts();
        for (int a = 0; a < verdicts.length; a++) {
            AccountVerdict v = verdicts[a];
            if (v.suspicious() || (scope == GraphExport.Scope.FLAGGED_AND_CONTEXT && v.cluster() >= 0)) {
                ids.add(name(a));
            }
        }
        return ids;
    }

    @Override
    public List<GraphExport.WeightedPair> context(GraphExport.ContextTie tie, Set<String> from) {
        boolean[] in = members(from);
        Ties ties = new Ties(tie == GraphExport.ContextTie.COORDINATED);
        switch (tie) {
            case RETWEETS -> {
                for (int p = 0; p < act.postCount(); p++) {
                    int a = act.author(p);
                    int b = retweeted(p);
                    if (a >= 0 && b >= 0 && in[a] != in[b]) {
                        ties.add(in[a] ? a : b, in[a] ? b : a, 1);
                    }
                }
            }
            case MENTIONS_OUT, MENTIONS_IN -> {
                boolean out = tie == GraphExport.ContextTie.MENTIONS_OUT;
                for (int p = 0; p < act.postCount(); p++) {
                    int a = act.author(p);
                    if (a < 0 || act.kind(p) == PostKind.PLACEHOLDER) {
                        continue;
                    }
                    for (int i = 0; i < act.mentionCount(p); i++) {
                        int m = act.mentionOf(p, i);
                        if (out ? in[a] && !in[m] : in[m] && !in[a]) {
                            ties.add(out ? a : m, out ? m : a, 1);
                        }
                    }
                }
            }
            case COORDINATED -> {
                for (CoordinationEdge e : analysis.detection().edges()) {
                    int s = e.source();
                    int t = e.target();
                    if (in[s] != in[t]) {
                        ties.add(in[s] ? s : t, in[s] ? t : s, e.weight());
                    }
                }
            }
        }
        return ties.pairs();
    }

    @Override
    public List<GraphExport.Account> accounts(Set<String> ids) {
        boolean[] in = members(ids);
        AccountVerdict[] verdicts = analysis.detection().accounts();
        List<GraphExport.Account> out = new ArrayList<>();
        for (int a = 0; a < in.length; a++) {
            if (!in[a]) {
                continue;
            }
            AccountVerdict v = verdicts[a];
            int community = analysis.community()[a];
            out.add(new GraphExport.Account(act.accountId(a), act.screenName(a),
                    act.followerCount(a) < 0 ? null : (long) act.followerCount(a),
                    community < 0 ? null : (long) community, analysis.pagerank()[a],
                    v.cluster() < 0 ? null : String.valueOf(v.cluster()), v.score(), v.suspicious()));
        }
        return out;
    }

    @Override
    public List<GraphExport.WeightedPair> edges(String kind, Set<String> ids) {
        boolean[] in = members(ids);
        Ties ties = new Ties(kind.equals("coordinated"));
        switch (kind) {
            case "follows" -> {
                for (int f = 0; f < act.followCount(); f++) {
                    int a = act.follower(f);
                    int b = act.followee(f);
                    if (in[a] && in[b]) {
                        ties.add(a, b, 1);
                    }
                }
            }
            case "retweets" -> {
                for (int p = 0; p < act.postCount(); p++) {
                    int a = act.author(p);
                    int b = retweeted(p);
                    if (a >= 0 && b >= 0 && in[a] && in[b]) {
                        ties.add(a, b, 1);
                    }
                }
            }
            case "mentions" -> {
                for (int p = 0; p < act.postCount(); p++) {
                    int a = act.author(p);
                    if (a < 0 || !in[a] || act.kind(p) == PostKind.PLACEHOLDER) {
                        continue;
                    }
                    for (int i = 0; i < act.mentionCount(p); i++) {
                        int m = act.mentionOf(p, i);
                        if (in[m]) {
                            ties.add(a, m, 1);
                        }
                    }
                }
            }
            case "interacts" -> {
                // the activity holds no INTERACTS relationships (see the class comment)
            }
            case "coordinated" -> {
                for (CoordinationEdge e : analysis.detection().edges()) {
                    if (in[e.source()] && in[e.target()]) {
                        ties.add(e.source(), e.target(), e.weight());
                    }
                }
            }
            default -> throw new IllegalArgumentException("kind must be one of " + GraphExport.EDGE_KINDS + ", was "
                    + kind);
        }
        return ties.pairs();
    }

    /** The author of the post {@code p} retweets (a {@code RETWEETS} relationship in the store), or -1. */
    private int retweeted(int p) {
        return act.kind(p) == PostKind.RETWEET ? act.referencedAuthor(p) : Activity.NONE;
    }

    /** The accounts of {@code ids} as a mask over dense ids (all of them when null). */
    private boolean[] members(Set<String> ids) {
        boolean[] in = new boolean[act.accountCount()];
        if (ids == null) {
            Arrays.fill(in, true);
            return in;
        }
        for (String id : ids) {
            int a = named.getInt(id);
            if (a < 0) {
                throw new IllegalArgumentException("not an account this source named: " + id);
            }
            in[a] = true;
        }
        return in;
    }

    private String name(int account) {
        String id = act.accountId(account);
        named.put(id, account);
        return id;
    }

    /**
     * Ties between ordered pairs of accounts, in the order first met: counted, or weighted (each weight kept, their
     * sum taken as {@link GraphExport#sum} takes it, as the store's export does).
     */
    private final class Ties {
        private final boolean weighted;
        private final Long2IntOpenHashMap counts = new Long2IntOpenHashMap();
        private final Long2ObjectOpenHashMap<DoubleArrayList> weights = new Long2ObjectOpenHashMap<>();
        private final LongArrayList order = new LongArrayList();

        Ties(boolean weighted) {
            this.weighted = weighted;
        }

        void add(int a, int b, double weight) {
            long key = (long) a << 32 | (b & 0xffffffffL);
            if (weighted) {
                DoubleArrayList list = weights.get(key);
                if (list == null) {
                    weights.put(key, list = new DoubleArrayList(1));
                    order.add(key);
                }
                list.add(weight);
            } else if (counts.addTo(key, 1) == 0) {
                order.add(key);
            }
        }

        List<GraphExport.WeightedPair> pairs() {
            List<GraphExport.WeightedPair> out = new ArrayList<>(order.size());
            for (int i = 0; i < order.size(); i++) {
                long key = order.getLong(i);
                double w = weighted ? GraphExport.sum(weights.get(key).toDoubleArray()) : counts.get(key);
                out.add(new GraphExport.WeightedPair(name((int) (key >>> 32)), name((int) key), w));
            }
            return out;
        }
    }
}
