package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityBuilder;
import io.lockstep.activity.PostKind;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link CommonSource}: co-text events a visible common source explains. Newsrooms (outlets whose journalists post
 * their headlines minutes later with a lead word) are not flagged; copy-paste rings are, with or without an earlier
 * "source" post by one of them; and each phase on hand-built actions.
 */
class CommonSourceTest {
    private static final ProgressListener P = ProgressListener.NONE;
    private static final TerminationFlag T = TerminationFlag.RUNNING_TRUE;
    private static final long START = 1_700_000_000L;
    private static final String[] WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima "
            + "mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu").split(" ");
    private static final String[] LEADS = {"New:", "Read:", "My story:", "Scoop:", "Worth your time:"};

    private static String words(SplittableRandom r, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(50));
        }
        return s.toString();
    }

    /** Lognormal delay in seconds with the given median and sigma. */
    private static long delay(SplittableRandom r, double median, double sigma) {
        double z = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        return Math.max(1, Math.round(median * Math.exp(sigma * z)));
    }

    /**
     * Two outlets, each with 10 journalists who follow it and post 60 % of its 30 headlines (over 15 days) as
     * "&lt;lead&gt; &lt;headline&gt; &lt;url&gt;" after a lognormal delay of median 10 minutes, and 40 ordinary
     * accounts posting their own texts.
     */
    private static void newsrooms(ActivityBuilder b, SplittableRandom r) {
        newsrooms(b, r, 30, 0);
    }

    /**
     * As {@link #newsrooms(ActivityBuilder, SplittableRandom)} with {@code headlines} headlines per outlet over as many
     * half-days, and {@code readers} share-button readers besides, each sharing 12 of the headlines as
     * "&lt;headline&gt; via @outlet &lt;url&gt;" after a lognormal delay of median 45 minutes and sigma 1.5: an
     * audience slower and more spread than the journalists, and many more copies.
     */
    private static void newsrooms(ActivityBuilder b, SplittableRandom r, int headlines, int readers) {
        List<String[]> heads = new ArrayList<>();
        for (int o = 0; o < 2; o++) {
            String outlet = "outlet" + o;
            b.account(outlet);
            for (int j = 0; j < 10; j++) {
                b.addFollow("j" + o + "_" + j, outlet);
            }
            for (int h = 0; h < headlines; h++) {
                long t0 = START + h * 43_200L + r.nextInt(3600);
                String head = words(r, 8);
                String url = "news" + o + ".example/" + h;
                b.addPost(outlet + "_" + h, outlet, t0, PostKind.TWEET, null, null, head + " https://" + url,
                        List.of(), List.of(url), List.of());
                heads.add(new String[]{outlet, head, url, Long.toString(t0)});
                for (int j = 0; j < 10; j++) {
                    if (r.nextDouble() < 0.6) {
                        b.addPost("j" + o + "_" + j + "_" + h, "j" + o + "_" + j, t0 + delay(r, 600, 1.0),
                                PostKind.TWEET, null, null, LEADS[r.nextInt(LEADS.length)] + " " + head + " https://"
                                        + url, List.of(), List.of(url), List.of());
                    }
                }
            }
        }
        for (int u = 0; u < 40; u++) {
            for (int i = 0; i < 20; i++) {
                b.addPost("u" + u + "_" + i, "user" + u, START + r.nextInt(15 * 86_400), PostKind.TWEET, null, null,
                        words(r, 9), List.of(), List.of(), List.of());
            }
        }
        for (int u = 0; u < readers; u++) {
            for (int i = 0; i < 12; i++) {
                String[] h = heads.get(r.nextInt(heads.size()));
                b.addPost("reader" + u + "_" + i, "reader" + u, Long.parseLong(h[3]) + delay(r, 2700, 1.5),
                        PostKind.TWEET, null, null, h[1] + " via @" + h[0] + " https://" + h[2], List.of(),
                        List.of(h[2]), List.of(h[0]));
            }
        }
    }

    /**
     * A ring of 10 accounts posting 8 invented messages, each within one minute; with {@code led}, ring0 posts each
     * message 10 minutes before the others, who follow it.
     */
    private static void ring(ActivityBuilder b, SplittableRandom r, boolean led) {
        for (int m = 0; m < 8; m++) {
            long t0 = START + 5000 + m * 86_400L;
            String msg = words(r, 12);
            for (int k = 0; k < 10; k++) {
                long t = led && k == 0 ? t0 - 600 : t0 + r.nextInt(60);
                b.addPost("ring" + k + "_" + m, "ring" + k, t, PostKind.TWEET, null, null,
                        k % 3 == 1 ? msg + " !!" : msg, List.of(), List.of(), List.of());
            }
        }
        if (led) {
            for (int k = 1; k < 10; k++) {
                b.addFollow("ring" + k, "ring0");
            }
        }
    }

    private static CoordinationResult detect(Activity a) {
        CoordinationParams p = CoordinationParams.defaults().withSignals(Set.of(CoordinationSignal.CO_TEXT));
        return new CoordinationDetector(p).run(a, P, T);
    }

    private static int[] ids(Activity a, String prefix) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < a.accountCount(); i++) {
            if (a.accountId(i).startsWith(prefix)) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    @Test
    void journalistsEchoingTheirOutletAreNotACopyPasteRing() {
        ActivityBuilder b = new ActivityBuilder();
        newsrooms(b, new SplittableRandom(3));
        Activity a = b.build();
        CoordinationParams p = CoordinationParams.defaults().withSignals(Set.of(CoordinationSignal.CO_TEXT));
        // without the discount, the scan links the journalists of each outlet (and the outlet) densely
        SignalGraph scanned = scanOnly(a, p);
        assertThat(scanned.edges().size()).as("scanned co-text edges").isGreaterThan(60);
        CoordinationResult r = detect(a);
        assertThat(r.suspiciousAccounts()).isEmpty();
        assertThat(r.clusters()).noneMatch(c -> c.score() >= 0.5);
        assertThat(r.edges().size()).as("co-text edges left").isLessThan(scanned.edges().size() / 5);
    }

    @Test
    void journalistsFasterThanTheirReadersAreNotACopyPasteRing() {
        // 200 readers, slower and more spread than the journalists, make most of the copies: against them alone the
        // journalists' pairs are in step too often; against their own pace they are not
        ActivityBuilder b = new ActivityBuilder();
        newsrooms(b, new SplittableRandom(11), 90, 200);
        Activity a = b.build();
        CoordinationResult r = detect(a);
        assertThat(r.edges()).as("co-text edges between journalists")
                .noneMatch(e -> a.accountId(e.source()).startsWith("j") && a.accountId(e.target()).startsWith("j"));
        assertThat(r.suspiciousAccounts()).isEmpty();
        assertThat(r.clusters()).noneMatch(c -> c.score() >= 0.5);
        ringsAreFlaggedBesideNewsrooms(13, 90, 200);
    }

    @Test
    void aCopyPasteRingIsFlaggedWithOrWithoutAnEarlierSourcePost() {
        ringsAreFlaggedBesideNewsrooms(5, 30, 0);
    }

    /**
     * A {@link #ring}, led and not, beside {@link #newsrooms(ActivityBuilder, SplittableRandom, int, int)} drawn with
     * {@code seed}: its copiers (all but the leader) are flagged, and nobody else is.
     */
    private static void ringsAreFlaggedBesideNewsrooms(long seed, int headlines, int readers) {
        for (boolean led : new boolean[]{false, true}) {
            ActivityBuilder b = new ActivityBuilder();
            SplittableRandom r = new SplittableRandom(seed);
            newsrooms(b, r, headlines, readers);
            ring(b, r, led);
            Activity a = b.build();
            CoordinationResult result = detect(a);
            int[] copiers = led ? Arrays.copyOfRange(ids(a, "ring"), 1, 10) : ids(a, "ring");
            assertThat(result.suspiciousAccounts()).as("led %s", led).contains(copiers);
            for (int s : result.suspiciousAccounts()) {
                assertThat(a.accountId(s)).as("led %s", led).startsWith("ring");
            }
        }
    }

    /** The scan alone, before the discount. */
    private static SignalGraph scanOnly(Activity a, CoordinationParams p) {
        CoTextSignal signal = new CoTextSignal(p);
        Actions actions = actions(a, signal);
        return CoActionScanner.scan(CoordinationSignal.CO_TEXT, actions, a.accountCount(), p.coText(),
                p.maxNeighbours(), p.evidenceCap(), (k, x, y) -> a.postId(x) + "~" + a.postId(y), P, T);
    }

    private static Actions actions(Activity a, CoTextSignal signal) {
        int[] cluster = signal.textClusters(a, T);
        Actions actions = new Actions(16);
        for (int p = 0; p < a.postCount(); p++) {
            if (cluster[p] >= 0) {
                actions.add(cluster[p], a.time(p), a.author(p), p);
            }
        }
        return actions;
    }

    // ---- the phases, on hand-built actions -------------------------------------------------------------------

    /** Posts of one text each: id, author, time, urls, mentions; the item of each is given with {@link #item}. */
    private static final class Hand {
        final ActivityBuilder b = new ActivityBuilder();
        final List<int[]> items = new ArrayList<>();

        Hand post(String id, String author, long t, int item, List<String> urls, List<String> mentions) {
            b.addPost(id, author, t, PostKind.TWEET, null, null, "some words here for " + id, List.of(), urls,
                    mentions);
            items.add(new int[]{item});
            return this;
        }

        Hand follow(String a, String b2) {
            b.addFollow(a, b2);
            return this;
        }

        /** The activity and its actions, one per post in the order added (post numbers follow ids' order). */
        Object[] build() {
            Activity a = b.build();
            Actions actions = new Actions(16);
            for (int p = 0; p < a.postCount(); p++) {
                int added = Integer.parseInt(a.postId(p).substring(1));
                actions.add(items.get(added)[0], a.time(p), a.author(p), p);
            }
            return new Object[]{a, actions};
        }

        /** The built archive through the phases up to the sources, with {@code items} items. */
        Traced trace(int items) {
            Object[] built = build();
            Activity a = (Activity) built[0];
            Actions actions = (Actions) built[1];
            int[] candidate = CommonSource.candidates(a, actions, items);
            boolean[] copy = CommonSource.copies(a, actions, candidate, T);
            return new Traced(a, actions, copy, CommonSource.sources(a, actions, candidate, copy));
        }
    }

    /** A hand-built archive, its actions, which of them are copies and the source of each item. */
    private record Traced(Activity a, Actions actions, boolean[] copy, int[] source) {
        /** {@link CommonSource#reference} of these copies, a window of an hour and a step of a minute. */
        CommonSource.Reference reference() {
            return CommonSource.reference(a, actions, source, copy, 3600, 60);
        }
    }

    @Test
    void candidatesAreTheEarliestPostOrTheFirstPostOfItsUrl() {
        Hand h = new Hand()
                .post("p0", "outlet", 100, 0, List.of("x.example/1"), List.of())   // item 0: the outlet first
                .post("p1", "j1", 700, 0, List.of("x.example/1"), List.of())
                .post("p2", "a", 100, 1, List.of(), List.of())                      // item 1: a tie at 100
                .post("p3", "b", 100, 1, List.of(), List.of())
                .post("p4", "j2", 900, 2, List.of("x.example/1"), List.of())        // item 2: the outlet elsewhere
                .post("p5", "j3", 960, 2, List.of("x.example/1"), List.of())
                .post("p6", "c", 50, 3, List.of(), List.of())                       // item 3: c alone first
                .post("p7", "d", 70, 3, List.of(), List.of());
        Object[] built = h.build();
        Activity a = (Activity) built[0];
        int[] candidate = CommonSource.candidates(a, (Actions) built[1], 4);
        assertThat(a.postId(candidate[0])).isEqualTo("p0");
        assertThat(candidate[1]).isEqualTo(CommonSource.NONE);
        assertThat(a.postId(candidate[2])).isEqualTo("p0");
        assertThat(a.postId(candidate[3])).isEqualTo("p6");
    }

    @Test
    void aCopyShowsItsRouteToTheSource() {
        Hand h = new Hand()
                .post("p0", "src", 100, 0, List.of("x.example/1"), List.of())
                .post("p1", "byUrl", 200, 0, List.of("x.example/1"), List.of())
                .post("p2", "byMention", 200, 0, List.of(), List.of("src"))
                .post("p3", "byFollow", 200, 0, List.of(), List.of())
                .post("p4", "noRoute", 200, 0, List.of(), List.of())
                .post("p5", "src", 300, 0, List.of(), List.of())
                .follow("byFollow", "src").follow("noRoute", "someoneElse");
        Object[] built = h.build();
        Activity a = (Activity) built[0];
        Actions actions = (Actions) built[1];
        int[] candidate = CommonSource.candidates(a, actions, 1);
        boolean[] copy = CommonSource.copies(a, actions, candidate, T);
        boolean[] expected = new boolean[6];
        for (int i = 0; i < 6; i++) {
            String author = a.accountId(actions.account.getInt(i));
            expected[i] = author.startsWith("by");
        }
        assertThat(copy).containsExactly(expected);
    }

    @Test
    void aSourceIsCopiedMoreThanItCopies() {
        // item 0 and 1: "star" is copied by x (follows it); items 2..4: x, y, z take turns first, following each other
        Hand h = new Hand()
                .post("p0", "star", 100, 0, List.of(), List.of()).post("p1", "x", 200, 0, List.of(), List.of())
                .post("p2", "star", 1000, 1, List.of(), List.of()).post("p3", "x", 1100, 1, List.of(), List.of())
                .post("p4", "x", 2000, 2, List.of(), List.of()).post("p5", "y", 2100, 2, List.of(), List.of())
                .post("p6", "y", 3000, 3, List.of(), List.of()).post("p7", "z", 3100, 3, List.of(), List.of())
                .post("p8", "z", 4000, 4, List.of(), List.of()).post("p9", "y", 4100, 4, List.of(), List.of());
        for (String f : List.of("x", "y", "z")) {
            h.follow(f, "star");
            for (String g : List.of("x", "y", "z")) {
                if (!f.equals(g)) {
                    h.follow(f, g);
                }
            }
        }
        Traced t = h.trace(5);
        Activity a = t.a();
        int[] source = t.source();
        // star: sourced 2, copied 0; x: sourced 1, copied 2; y: sourced 1, copied 2; z: sourced 1, copied 1
        assertThat(a.postId(source[0])).isEqualTo("p0");
        assertThat(a.postId(source[1])).isEqualTo("p2");
        assertThat(source[2]).isEqualTo(CommonSource.NONE);
        assertThat(source[3]).isEqualTo(CommonSource.NONE);
        assertThat(source[4]).isEqualTo(CommonSource.NONE);
    }

    @Test
    void theReferenceLeavesEachSourcesOwnCopiesOut() {
        // source s0 (item 0): copies at delays 100, 130; source s1 (items 1, 2): copies at delays 100, 400 and 1000
        Hand h = new Hand()
                .post("p0", "s0", 0, 0, List.of(), List.of()).post("p1", "c", 100, 0, List.of(), List.of())
                .post("p2", "d", 130, 0, List.of(), List.of())
                .post("p3", "s1", 10_000, 1, List.of(), List.of()).post("p4", "c", 10_100, 1, List.of(), List.of())
                .post("p5", "d", 10_400, 1, List.of(), List.of())
                .post("p6", "s1", 20_000, 2, List.of(), List.of()).post("p7", "e", 21_000, 2, List.of(), List.of());
        for (String f : List.of("c", "d", "e")) {
            h.follow(f, "s0").follow(f, "s1");
        }
        Traced t = h.trace(3);
        Activity a = t.a();
        CommonSource.Reference ref = t.reference();
        int s0id = idOf(a, "s0"), s1id = idOf(a, "s1");
        // for s0, the others' copies: delays 100, 300, 1000: pairs within 3600: 3, within 60: 0; within 60 of their
        // source: 0 of 3
        assertThat(ref.pairs(s0id)).isEqualTo(0.0);
        assertThat(ref.source(s0id)).isEqualTo(0.0);
        // for s1, s0's copies: delays 100, 130: 1 pair, within 60; 0 of 2 within 60 of the source
        assertThat(ref.pairs(s1id)).isEqualTo(1.0);
        assertThat(ref.source(s1id)).isEqualTo(0.0);
        assertThat(ref.pairs(idOf(a, "c"))).isNaN();
    }

    private static int idOf(Activity a, String id) {
        for (int i = 0; i < a.accountCount(); i++) {
            if (a.accountId(i).equals(id)) {
                return i;
            }
        }
        throw new AssertionError(id);
    }

    @Test
    void aPairIsExplainedOnlyWhenItsCopiesAreNoMoreInStepThanAnAudiences() {
        // 12 items of source s; copiers x and y always within 30 s of each other (in step); u and v 10 minutes apart.
        // The reference: the copies of source t, spread over an hour.
        Hand h = new Hand();
        int post = 0;
        for (int k = 0; k < 12; k++) {
            long t0 = k * 100_000L;
            h.post("p" + post++, "s", t0, k, List.of(), List.of());
            h.post("p" + post++, "x", t0 + 300, k, List.of(), List.of());
            h.post("p" + post++, "y", t0 + 330, k, List.of(), List.of());
            h.post("p" + post++, "u", t0 + 100, k, List.of(), List.of());
            h.post("p" + post++, "v", t0 + 700, k, List.of(), List.of());
        }
        SplittableRandom r = new SplittableRandom(1);
        for (int k = 12; k < 32; k++) {
            long t0 = k * 100_000L;
            h.post("p" + post++, "t", t0, k, List.of(), List.of());
            for (int c = 0; c < 4; c++) {
                h.post("p" + post++, "w" + c, t0 + 120 + r.nextInt(3400), k, List.of(), List.of());
            }
        }
        for (String f : List.of("x", "y", "u", "v")) {
            h.follow(f, "s");
        }
        for (int c = 0; c < 4; c++) {
            h.follow("w" + c, "t");
        }
        Traced t = h.trace(32);
        Activity a = t.a();
        CommonSource.Reference ref = t.reference();
        long xy = CoordinationEdge.pairKey(idOf(a, "x"), idOf(a, "y"));
        long uv = CoordinationEdge.pairKey(idOf(a, "u"), idOf(a, "v"));
        long su = CoordinationEdge.pairKey(idOf(a, "s"), idOf(a, "u"));
        long[] pairs = {xy, uv, su};
        Arrays.sort(pairs);
        LongOpenHashSet explained = CommonSource.explained(a, t.actions(), t.source(), t.copy(), ref, pairs, 3600, 60,
                200, 1e-3, a.accountCount(), T);
        int[] perPair = new int[3];
        for (long key : explained) {
            perPair[(int) (key >>> 32)]++;
        }
        assertThat(perPair[Arrays.binarySearch(pairs, xy)]).as("x, y in step").isZero();
        assertThat(perPair[Arrays.binarySearch(pairs, uv)]).as("u, v apart").isEqualTo(12);
        assertThat(perPair[Arrays.binarySearch(pairs, su)]).as("s, u apart").isEqualTo(12);
    }

    /** {@link CommonSource#ownChances} of one pair whose delays per item are {@code lower[k]}, {@code higher[k]}. */
    private static double[] own(long[] lower, long[] higher) {
        Long2LongOpenHashMap delays = new Long2LongOpenHashMap();
        long[] keys = new long[lower.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = k;
            delays.put(k, (lower[k] << 32) | (higher[k] & 0xffffffffL));
        }
        return CommonSource.ownChances(keys, 0, keys.length, delays, 3600, 60);
    }

    @Test
    void aPairsOwnPaceIsShuffledAcrossItsItemsAndTrustedOnlyWhenItVaries() {
        // a cue that moves from item to item: in step on every item, never with the other's delay on another item
        assertThat(own(new long[]{0, 600, 1200, 1800}, new long[]{30, 630, 1230, 1830}))
                .containsExactly(0.0, 0.0, 0.0, 0.0);
        // each member's delay on one item is within a minute of the other's on the other item: in step by pace
        assertThat(own(new long[]{0, 600}, new long[]{620, 10})).containsExactly(1.0, 1.0);
        // one lag, 300 and 330 s on every item: a schedule, judged against the reference alone
        assertThat(own(new long[]{300, 300, 300}, new long[]{330, 330, 330})).isNull();
        assertThat(own(new long[]{0}, new long[]{2000})).isNull();
        assertThat(CommonSource.medianAbsoluteDeviation(new long[]{0, 30, 600, 630, 1200, 1230, 1800, 1830}))
                .isEqualTo(600);
    }

    @Test
    void theDiscountTakesOffTheExplainedItemsOnly() {
        List<Evidence> ev = List.of(new Evidence("a~b", 1, 2), new Evidence("c~d", 3, 4), new Evidence("e~f", 5, 6));
        SignalGraph g = new SignalGraph(CoordinationSignal.CO_TEXT, List.of(
                new CoordinationEdge(0, 1, CoordinationSignal.CO_TEXT, 0.6, 3, ev),
                new CoordinationEdge(0, 2, CoordinationSignal.CO_TEXT, 0.5, 2, ev.subList(0, 2)),
                new CoordinationEdge(1, 2, CoordinationSignal.CO_TEXT, 0.4, 2, ev.subList(0, 2))), 10, 3);
        Object2IntOpenHashMap<String> itemOf = new Object2IntOpenHashMap<>();
        itemOf.put("a~b", 7);
        itemOf.put("c~d", 8);
        itemOf.put("e~f", 9);
        LongOpenHashSet explained = new LongOpenHashSet(new long[]{(0L << 32) | 8, (1L << 32) | 7});
        SignalGraph d = CommonSource.discount(g, explained, itemOf, 2);
        assertThat(d.edges()).hasSize(2);
        CoordinationEdge first = d.edges().get(0);
        assertThat(first.count()).isEqualTo(2);
        assertThat(first.weight()).isCloseTo(0.4, within(1e-12));
        assertThat(first.evidence()).extracting(Evidence::item).containsExactly("a~b", "e~f");
        assertThat(d.edges().get(1)).isEqualTo(g.edges().get(2));
        assertThat(d.actions()).isEqualTo(10);
    }
}
