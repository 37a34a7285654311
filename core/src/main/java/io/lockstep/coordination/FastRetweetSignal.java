package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Fast retweet: an account whose retweets of a given source account arrive consistently within seconds of the
 * original — at least {@code minCount} retweets within {@code maxDelay} seconds (default 3 within 10 s), being at
 * least {@code minShare} (default 80%) of all its retweets of that source — is linked to that source, provided the
 * source's whole audience retweets it fast more often than the rest of the archive's audiences retweet their sources.
 * Rapid retweeting as a bot trait follows Mazza et al., "RTbust: Exploiting Temporal Patterns for Botnet Detection on
 * Twitter" (WebSci 2019).
 *
 * <p><b>Null model.</b> Two requirements. (1) Consistency, per pair: an eager fan who sometimes retweets within
 * seconds but usually later does not qualify. (2) The source's audience, per source: retweet latencies of ordinary
 * audiences are heavy-tailed and vary from one follower to the next (Zhao et al., "SEISMIC: A Self-Exciting Point
 * Process Model for Predicting Tweet Popularity", KDD 2015: the reaction-time kernel is shared by a post's whole
 * audience and its tail holds the quick few), so among the thousands of retweets of a popular account a few fans are
 * consistently quick, and (1) alone flags them: on the robustness matrix (simulation seed 44, n9000-h0.7) two of 90
 * fans and their idol, whose 5,956 retweets were fast (same minute) 5.4 % of the time against 5.3 % in the whole
 * archive. An amplification network instead moves the latency of its source's audience as a whole: the seeds of the
 * same archive's botnets were retweeted fast 23–69 % of the time. So a source s with R_s timed retweets, F_s of them
 * within {@code maxDelay}, has a fast audience when {@code P(Poisson(R_s p) ≥ F_s) ≤ maxPValue} (default 1e-3, the
 * co-action signals' level), {@code p} the share of fast retweets among all timed retweets of the other sources
 * (leave one out, so that a botnet's own seeds do not raise the rate they are judged against). A pair passes only
 * when the source whose posts it retweeted has a fast audience (when the two accounts retweeted each other, either
 * one). When no other source has a timed retweet, there is nothing to compare with and (1) alone decides. The test
 * is relative to the archive, so the timestamps' resolution (minutes in information-operations files, where
 * {@code maxDelay} = 10 s means "in the same minute") enters the rate and the counts alike. Its price: an
 * amplification of a source whose organic audience is far larger than the network (a botnet retweeting a celebrity)
 * no longer moves the source's rate and is left to co-retweet, which compares the amplifiers with each other.
 *
 * <p>Edge weight = share of fast retweets, count = fast retweets; evidence items are the originals' post ids with
 * the original's and the retweet's time (ordered by the edge's source and target). One pass over posts plus a hash
 * map keyed by (retweeter, source) and two counters per account: O(n). Deterministic.
 */
public final class FastRetweetSignal implements CoordinationSignal {
    private final CoordinationParams.FastRetweetParams params;
    private final int evidenceCap;

    public FastRetweetSignal(CoordinationParams params) {
        Objects.requireNonNull(params, "params");
        this.params = params.fastRetweet();
        this.evidenceCap = params.evidenceCap();
    }

    @Override
    public String name() {
        return FAST_RETWEET;
    }

    @Override
    public SignalGraph graph(Activity activity, ProgressListener progress, TerminationFlag termination) {
        int posts = activity.postCount();
        progress.begin(name(), 2L * posts);
        Long2IntOpenHashMap slot = new Long2IntOpenHashMap();
        slot.defaultReturnValue(-1);
        IntArrayList total = new IntArrayList();
        IntArrayList fast = new IntArrayList();
        IntArrayList sourceOf = new IntArrayList(); // the pair's source author, BOTH when each retweeted the other
        int accounts = activity.accountCount();
        int[] sourceTotal = new int[accounts];
        int[] sourceFast = new int[accounts];
        long allTotal = 0;
        long allFast = 0;
        long actions = 0;
        for (int p = 0; p < posts; p++) {
            long key = key(activity, p);
            if (key < 0) {
                continue;
            }
            actions++;
            int source = activity.author(activity.referencedPost(p));
            long delay = activity.time(p) - activity.time(activity.referencedPost(p));
            boolean isFast = delay >= 0 && delay <= params.maxDelay();
            int at = slot.putIfAbsent(key, total.size());
            if (at < 0) {
                at = total.size();
                total.add(0);
                fast.add(0);
                sourceOf.add(source);
            } else if (sourceOf.getInt(at) != source) {
                sourceOf.set(at, BOTH);
            }
            total.set(at, total.getInt(at) + 1);
            sourceTotal[source]++;
            allTotal++;
            if (isFast) {
                fast.set(at, fast.getInt(at) + 1);
                sourceFast[source]++;
                allFast++;
            }
            if ((p & 0xffff) == 0) {
                termination.assertRunning();
            }
        }
        progress.advance(posts);
        Long2IntOpenHashMap selected = new Long2IntOpenHashMap();
        selected.defaultReturnValue(-1);
        List<long[]> chosen = new ArrayList<>();
        for (var e : slot.long2IntEntrySet()) {
            int at = e.getIntValue();
            int f = fast.getInt(at);
            if (f >= params.minCount() && f >= params.minShare() * total.getInt(at)
                    && fastAudience(sourceOf.getInt(at), e.getLongKey(), sourceTotal, sourceFast, allTotal, allFast)) {
                selected.put(e.getLongKey(), chosen.size());
                chosen.add(new long[]{e.getLongKey(), f, total.getInt(at)});
            }
        }
        @SuppressWarnings("unchecked")
        List<Evidence>[] evidence = new List[chosen.size()];
        for (int p = 0; p < posts && !chosen.isEmpty(); p++) {
            long key = key(activity, p);
            int at = key < 0 ? -1 : selected.get(key);
            if (at < 0) {
                continue;
            }
            int ref = activity.referencedPost(p);
            long delay = activity.time(p) - activity.time(ref);
            if (delay < 0 || delay > params.maxDelay()) {
                continue;
            }
            if (evidence[at] == null) {
                evidence[at] = new ArrayList<>();
            }
            if (evidence[at].size() < evidenceCap) {
                boolean retweeterIsSource = activity.author(p) < activity.author(ref);
                long src = retweeterIsSource ? activity.time(p) : activity.time(ref);
                long dst = retweeterIsSource ? activity.time(ref) : activity.time(p);
                evidence[at].add(new Evidence(activity.postId(ref), src, dst));
            }
        }
        progress.advance(posts);
        long[] keys = new long[chosen.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = chosen.get(i)[0];
        }
        Arrays.sort(keys);
        List<CoordinationEdge> edges = new ArrayList<>(keys.length);
        for (long k : keys) {
            int at = selected.get(k);
            long[] c = chosen.get(at);
            edges.add(new CoordinationEdge((int) (k >>> 32), (int) k, name(), (double) c[1] / c[2], (int) c[1],
                    evidence[at] == null ? List.of() : evidence[at]));
        }
        progress.end();
        return new SignalGraph(name(), edges, actions, slot.size());
    }

    /** {@code sourceOf} value of a pair whose two accounts retweeted each other. */
    private static final int BOTH = -2;

    /**
     * Whether the pair's source (either account when {@code source} is {@link #BOTH}) has a fast audience: its fast
     * retweets beyond what the other sources' fast share predicts for its retweet count, at {@code maxPValue}.
     */
    private boolean fastAudience(int source, long pairKey, int[] sourceTotal, int[] sourceFast, long allTotal,
                                 long allFast) {
        if (source != BOTH) {
            return fastAudience(source, sourceTotal, sourceFast, allTotal, allFast);
        }
        return fastAudience((int) (pairKey >>> 32), sourceTotal, sourceFast, allTotal, allFast)
                || fastAudience((int) pairKey, sourceTotal, sourceFast, allTotal, allFast);
    }

    private boolean fastAudience(int source, int[] sourceTotal, int[] sourceFast, long allTotal, long allFast) {
        long otherTotal = allTotal - sourceTotal[source];
        if (otherTotal == 0) {
            return true; // no other audience to compare with: consistency alone decides
        }
        double rate = (allFast - sourceFast[source]) / (double) otherTotal;
        return PoissonTail.upper(sourceFast[source], sourceTotal[source] * rate) <= params.maxPValue();
    }

    /** The unordered (retweeter, source author) pair of a timed retweet, or -1. */
    private static long key(Activity activity, int p) {
        if (activity.kind(p) != PostKind.RETWEET) {
            return -1;
        }
        int ref = activity.referencedPost(p);
        if (ref == Activity.NONE || activity.time(p) == Activity.NO_TIME || activity.time(ref) == Activity.NO_TIME) {
            return -1;
        }
        int a = activity.author(p), b = activity.author(ref);
        if (a == Activity.NONE || b == Activity.NONE || a == b) {
            return -1;
        }
        return CoordinationEdge.pairKey(a, b);
    }
}
