package io.lockstep.campaign;

import io.lockstep.activity.Activity;
import io.lockstep.activity.HashtagUses;
import io.lockstep.activity.PostKind;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongArrayList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Hashtag-boosting campaigns. Per hashtag, posts (a retweet without hashtags of its own counts with its original's)
 * are counted in {@code bin}-second bins; the hashtag's baseline is its median bin count over the whole archive span
 * (empty bins included), and a bin is a burst when it holds at least {@code minPosts} posts and at least
 * {@code factor × (baseline + 1)}. Consecutive burst bins form one burst. Inside a burst, a <b>seed</b> is an author
 * of a post with the hashtag that at least {@code minAmplifiers} coordinated accounts (the caller says which:
 * {@code analyze} passes its suspicious accounts and those with a co-retweet or fast-retweet edge) retweeted inside
 * the burst; those retweeters are its
 * <b>amplifiers</b>. A burst made by many unrelated accounts (breaking news) has no coordinated amplifiers and
 * yields no campaign. The approach follows burst-then-attribute analyses of hashtag manipulation such as Varol et
 * al., "Early detection of promoted campaigns on social media" (EPJ Data Science 2017).
 *
 * <p>Cost: O(h log h) for h hashtag uses (one radix sort), then linear scans.
 */
public final class CampaignDetector {
    private final CampaignParams params;

    public CampaignDetector(CampaignParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /**
     * The campaigns of {@code activity}, by start time then hashtag.
     *
     * @param coordinated for each account of {@code activity}, whether it counts as a coordinated amplifier
     */
    public List<Campaign> campaigns(Activity activity, boolean[] coordinated, ProgressListener progress,
                                    TerminationFlag termination) {
        if (coordinated.length != activity.accountCount()) {
            throw new IllegalArgumentException("coordinated must hold one flag per account (" + activity.accountCount()
                    + "), has " + coordinated.length);
        }
        progress.begin("campaigns", activity.postCount());
        HashtagUses uses = HashtagUses.of(activity);
        if (uses == null) {
            progress.end();
            return List.of();
        }
        long minT = uses.minTime();
        long bin = params.bin();
        long firstBin = Math.floorDiv(minT, bin);
        long spanBins = Math.floorDiv(uses.maxTime(), bin) - firstBin + 1;
        long[] k = uses.keys();
        long[] ps = uses.posts();
        List<Campaign> out = new ArrayList<>();
        for (int s = 0; s < k.length; ) {
            int tag = (int) (k[s] >>> 32);
            int e = s + 1;
            while (e < k.length && (int) (k[e] >>> 32) == tag) {
                e++;
            }
            if (e - s >= params.minPosts()) {
                bursts(activity, tag, k, ps, s, e, minT, firstBin, spanBins, coordinated, out);
            }
            progress.advance(e - s);
            termination.assertRunning();
            s = e;
        }
        out.sort(Comparator.comparingLong(Campaign::start).thenComparing(Campaign::hashtag));
        progress.end();
        return out;
    }

    private void bursts(Activity activity, int tag, long[] k, long[] ps, int s, int e, long minT, long firstBin,
                        long spanBins, boolean[] coordinated, List<Campaign> out) {
        long bin = params.bin();
        // counts per non-empty bin (uses are time-sorted)
        LongArrayList bins = new LongArrayList();
        LongArrayList counts = new LongArrayList();
        for (int i = s; i < e; i++) {
            long b = Math.floorDiv(minT + (k[i] & 0xffffffffL), bin);
            if (bins.isEmpty() || bins.getLong(bins.size() - 1) != b) {
                bins.add(b);
                counts.add(1);
            } else {
                counts.set(counts.size() - 1, counts.getLong(counts.size() - 1) + 1);
            }
        }
        long[] sortedCounts = counts.toLongArray();
        Arrays.sort(sortedCounts);
        long zeros = spanBins - sortedCounts.length;
        long mid = spanBins / 2; // index of the median among all bins, zeros first
        double baseline = mid < zeros ? 0 : sortedCounts[(int) (mid - zeros)];
        double need = Math.max(params.minPosts(), params.factor() * (baseline + 1));
        for (int b = 0; b < bins.size(); ) {
            if (counts.getLong(b) < need) {
                b++;
                continue;
            }
            int c = b;
            while (c + 1 < bins.size() && counts.getLong(c + 1) >= need
                    && bins.getLong(c + 1) == bins.getLong(c) + 1) {
                c++;
            }
            long start = bins.getLong(b) * bin;
            long end = (bins.getLong(c) + 1) * bin;
            campaign(activity, tag, k, ps, s, e, minT, start, end, coordinated, out);
            b = c + 1;
        }
    }

    private void campaign(Activity activity, int tag, long[] k, long[] ps, int s, int e, long minT, long start,
                          long end, boolean[] coordinated, List<Campaign> out) {
        Int2ObjectOpenHashMap<IntOpenHashSet> retweetersBySeed = new Int2ObjectOpenHashMap<>();
        int volume = 0;
        for (int i = s; i < e; i++) {
            long t = minT + (k[i] & 0xffffffffL);
            if (t < start || t >= end) {
                continue;
            }
            volume++;
            int p = (int) ps[i];
            if (activity.kind(p) != PostKind.RETWEET || !coordinated[activity.author(p)]) {
                continue;
            }
            int seed = activity.referencedAuthor(p);
            if (seed == Activity.NONE || seed == activity.author(p)) {
                continue;
            }
            retweetersBySeed.computeIfAbsent(seed, x -> new IntOpenHashSet()).add(activity.author(p));
        }
        IntOpenHashSet seeds = new IntOpenHashSet();
        IntOpenHashSet amplifiers = new IntOpenHashSet();
        for (var entry : retweetersBySeed.int2ObjectEntrySet()) {
            if (entry.getValue().size() >= params.minAmplifiers()) {
                seeds.add(entry.getIntKey());
                amplifiers.addAll(entry.getValue());
            }
        }
        if (seeds.isEmpty()) {
            return;
        }
        amplifiers.removeAll(seeds);
        int theirs = 0;
        for (int i = s; i < e; i++) {
            long t = minT + (k[i] & 0xffffffffL);
            int a = activity.author((int) ps[i]);
            if (t >= start && t < end && (seeds.contains(a) || amplifiers.contains(a))) {
                theirs++;
            }
        }
        int[] sd = seeds.toIntArray();
        int[] am = amplifiers.toIntArray();
        Arrays.sort(sd);
        Arrays.sort(am);
        out.add(new Campaign(activity.hashtag(tag), start, end, sd, am, volume == 0 ? 0 : (double) theirs / volume));
    }
}
