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
 * least {@code minShare} (default 80%) of all its retweets of that source — is linked to that source. The
 * consistency requirement is this signal's null model: an eager fan who sometimes retweets within seconds but
 * usually later does not qualify. Rapid retweeting as a bot trait follows Mazza et al., "RTbust: Exploiting
 * Temporal Patterns for Botnet Detection on Twitter" (WebSci 2019).
 *
 * <p>Edge weight = share of fast retweets, count = fast retweets; evidence items are the originals' post ids with
 * the original's and the retweet's time (ordered by the edge's source and target). One pass over posts plus a hash
 * map keyed by (retweeter, source): O(n).
 */
public final class FastRetweetSignal implements CoordinationSignal {
    private final DetectionParams.FastRetweetParams params;
    private final int evidenceCap;

    public FastRetweetSignal(DetectionParams params) {
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
        long actions = 0;
        for (int p = 0; p < posts; p++) {
            long key = key(activity, p);
            if (key < 0) {
                continue;
            }
            actions++;
            long delay = activity.time(p) - activity.time(activity.referencedPost(p));
            int at = slot.putIfAbsent(key, total.size());
            if (at < 0) {
                at = total.size();
                total.add(0);
                fast.add(0);
            }
            total.set(at, total.getInt(at) + 1);
            if (delay >= 0 && delay <= params.maxDelay()) {
                fast.set(at, fast.getInt(at) + 1);
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
            if (f >= params.minCount() && f >= params.minShare() * total.getInt(at)) {
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
