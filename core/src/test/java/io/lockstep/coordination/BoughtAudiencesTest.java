package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The bought audiences ({@link BoughtAudiences}): each phase on a hand-built graph (the gaps that say who is unknown,
 * the binomial tail, the window and its background), then the whole follow signal on generated platforms: a farm of
 * one client with an organic audience of its own is found from the client's followers; a sign-up wave followed by
 * the people it knows is not; an archive where nobody is known has nothing beyond its background.
 */
class BoughtAudiencesTest {
    private static final long DAY = FollowGraphs.DAY;
    private static final long NOW = 20 * FollowGraphs.YEAR;

    /** Adds a client made ten years before {@link #NOW} and eight accounts made eleven years before; returns those. */
    private static List<String> clientAndPool(Timeline t) {
        t.b.account("client", "client", NOW - 10 * FollowGraphs.YEAR, 0);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pool.add("p" + i);
            t.b.account("p" + i, "p" + i, NOW - 11 * FollowGraphs.YEAR, 0);
        }
        return pool;
    }

    /**
     * Adds 330 accounts made one every three days from {@code from}, each following the {@code pool}, two in three
     * followed by "old" (known), the first {@code clientFollowers} following "client" too: a background whose unknown
     * share is a third.
     */
    private static void background(Timeline t, List<String> pool, long from, int clientFollowers) {
        for (int i = 0; i < 330; i++) {
            String id = "o" + i;
            t.b.account(id, id, from + i * 3 * DAY, 0);
            if (i < clientFollowers) {
                t.b.addFollow(id, "client");
            }
            pool.forEach(p -> t.b.addFollow(id, p));
            if (i % 3 != 0) {
                t.b.addFollow("old", id);
            }
        }
    }

    private static SignalGraph follow(Activity a, boolean bought) {
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        signal.boughtAudiences = bought;
        return signal.graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
    }

    /**
     * Phase: an account's gap is the largest distance between its creation and a follower's; 0 with no follower, the
     * largest value when its creation or a follower's is unknown.
     */
    @Test
    void theGapIsTheFarthestFollowersCreationFromTheAccounts() {
        long unknown = Long.MIN_VALUE;
        long[] created = {0, DAY, 40 * DAY, 5 * DAY, 10 * DAY, unknown, unknown};
        // 1 and 2 follow 0; 4 follows 3; 5 follows 4; 0 follows 6
        DenseBlockFinder finder = new DenseBlockFinder(7, new int[] {1, 2, 4, 5, 0}, new int[] {0, 0, 3, 4, 6});
        long[] gap = BoughtAudiences.gaps(finder, created);
        assertThat(gap[0]).isEqualTo(40 * DAY);
        assertThat(gap[1]).isZero();
        assertThat(gap[3]).isEqualTo(5 * DAY);
        assertThat(gap[4]).isEqualTo(Long.MAX_VALUE);
        assertThat(gap[6]).isEqualTo(Long.MAX_VALUE);
    }

    /**
     * Phase: account 0 is followed by 12 accounts made years before it and follows each back, a follow-back account;
     * account 13, made a year after 0, follows 0 and is followed back: 0's follow does not make 13 known (gap 0), while
     * account 14, followed by 0 without following it, is known by it; account 15 follows back 9 of its 13 followers
     * (under nine tenths) and counts wherever it follows: 28, which it follows back, is known by it.
     */
    @Test
    void aFollowBackAccountsReturnOfAFollowDoesNotMakeAnAccountKnown() {
        int n = 30;
        long[] created = new long[n];
        IntArrayList from = new IntArrayList();
        IntArrayList to = new IntArrayList();
        // 0: followed by 1..12 (made years before it), following each back
        created[0] = 5 * FollowGraphs.YEAR;
        for (int i = 1; i <= 12; i++) {
            mutual(from, to, i, 0);
        }
        // 13 and 0 follow each other; 0 follows 14 one way
        created[13] = 6 * FollowGraphs.YEAR;
        created[14] = 6 * FollowGraphs.YEAR;
        mutual(from, to, 13, 0);
        from.add(0);
        to.add(14);
        // 15: followed by 16..27, follows back 16..23 only; 15 and 28 follow each other
        created[15] = FollowGraphs.YEAR;
        for (int i = 16; i <= 27; i++) {
            from.add(i);
            to.add(15);
            if (i <= 23) {
                from.add(15);
                to.add(i);
            }
        }
        created[28] = 6 * FollowGraphs.YEAR;
        mutual(from, to, 28, 15);
        DenseBlockFinder finder = new DenseBlockFinder(n, from.toIntArray(), to.toIntArray());
        boolean[] back = BoughtAudiences.followBackAccounts(finder, n);
        assertThat(back[0]).isTrue();
        assertThat(back[15]).isFalse();
        long[] gap = BoughtAudiences.gaps(finder, created);
        assertThat(gap[13]).isZero();
        assertThat(gap[14]).isEqualTo(FollowGraphs.YEAR);
        assertThat(gap[28]).isEqualTo(5 * FollowGraphs.YEAR);
        // the follow-back account itself is known by the old accounts that follow it
        assertThat(gap[0]).isEqualTo(5 * FollowGraphs.YEAR);
    }

    /** Adds the follows a → b and b → a. */
    private static void mutual(IntArrayList from, IntArrayList to, int a, int b) {
        from.add(a);
        to.add(b);
        from.add(b);
        to.add(a);
    }

    /** Phase: the binomial upper tail against sums of the probability mass, above and below the mean. */
    @Test
    void theBinomialTailIsTheSumOfTheMassFromK() {
        assertThat(BinomialTail.upper(10, 10, 0.5)).isCloseTo(1.0 / 1024, within(1e-15));
        assertThat(BinomialTail.upper(10, 5, 0.5)).isCloseTo(638.0 / 1024, within(1e-12));
        assertThat(BinomialTail.upper(10, 0, 0.5)).isEqualTo(1.0);
        assertThat(BinomialTail.upper(10, 11, 0.5)).isZero();
        assertThat(BinomialTail.upper(52, 52, 0.618)).isCloseTo(Math.pow(0.618, 52), within(1e-20));
        for (int k : new int[] {20, 30, 45, 60}) {
            double sum = 0;
            for (int i = k; i <= 100; i++) {
                double log = PoissonTail.logFactorial(100) - PoissonTail.logFactorial(i)
                        - PoissonTail.logFactorial(100 - i) + i * Math.log(0.3) + (100 - i) * Math.log(0.7);
                sum += Math.exp(log);
            }
            assertThat(BinomialTail.upper(100, k, 0.3)).as("k = %d", k).isCloseTo(sum, within(1e-9 * Math.max(sum, 1e-12)));
        }
    }

    /**
     * Phase: target 0's followers, 30 made in two days and followed by nobody, 30 made over years and followed by an
     * old account, beside 300 background accounts made over years, a third of them unknown: the window is the batch's
     * (30 unknown of 30), tested against the share 1/2 (the background's third is less); with the batch followed by
     * one old account each it is no longer bought.
     */
    @Test
    void theWindowHoldsTheBatchAndTheShareIsAtLeastAHalf() {
        for (boolean known : new boolean[] {false, true}) {
            Timeline t = new Timeline();
            List<String> pool = clientAndPool(t);
            t.b.account("old", "old", NOW - 12 * FollowGraphs.YEAR, 0);
            for (int i = 0; i < 30; i++) {
                String id = "b" + i;
                t.b.account(id, id, NOW - FollowGraphs.YEAR + (i % 2) * DAY, 0);
                t.b.addFollow(id, "client");
                pool.forEach(p -> t.b.addFollow(id, p));
                if (known) {
                    t.b.addFollow("old", id);
                }
            }
            background(t, pool, NOW - 3 * FollowGraphs.YEAR, 30);
            Activity a = t.build();
            DenseBlockFinder finder = LockstepFollowSignal.follows(a);
            long[] created = created(a);
            CoordinationParams.FollowParams params = CoordinationParams.defaults().follow();
            List<BoughtAudiences.Audience> bought = BoughtAudiences.audiences(finder, created,
                    BoughtAudiences.gaps(finder, created), params);
            int client = t.id("client");
            List<BoughtAudiences.Audience> ofClient = bought.stream().filter(x -> x.target() == client).toList();
            if (known) {
                assertThat(ofClient).isEmpty();
                continue;
            }
            assertThat(ofClient).isNotEmpty();
            BoughtAudiences.Audience x = ofClient.get(0);
            assertThat(x.unknown()).isEqualTo(30);
            assertThat(x.created()).isEqualTo(30);
            assertThat(x.share()).isEqualTo(BoughtAudiences.LEAST_SHARE);
            assertThat(x.pValue()).isCloseTo(Math.pow(0.5, 30), within(1e-15));
            boolean[] spent = new boolean[a.accountCount()];
            List<DenseBlock> blocks = BoughtAudiences.pass(finder, created, List.of(), spent, new int[spent.length][],
                    params).bought();
            assertThat(blocks).hasSize(1);
            assertThat(blocks.get(0).followers()).hasSize(30);
            assertThat(blocks.get(0).targets()).contains(client);
        }
    }

    /**
     * Phase: a longer span reads only the followers that no shorter span's window took. The client's audience holds a
     * batch of 40 unknown accounts made in two days and, one a week over the 20 weeks before it, 20 newcomers following
     * the client and the pool. When 8 of the newcomers are known (12 unknown of 20), the two-day window is bought and
     * the half-year around it, tested on the newcomers alone, is not: the block is the batch. Read whole, that
     * half-year would hold 52 unknown of 60 and take the 12 as a vendor's. When all 20 are unknown, the weeks around
     * the batch are a pool's too and its background's share: the two days are not bought apart, the half-year holding
     * all 60 is, and the block is batch and pool. 330 accounts made years before, two in three known, are the rest of
     * the background.
     */
    @Test
    void aLongerSpanReadsOnlyTheFollowersNoShorterWindowTook() {
        for (boolean pool : new boolean[] {false, true}) {
            Timeline t = new Timeline();
            List<String> book = clientAndPool(t);
            t.b.account("old", "old", NOW - 12 * FollowGraphs.YEAR, 0);
            long made = NOW - FollowGraphs.YEAR;
            List<String> batch = new ArrayList<>();
            List<String> unknownNewcomers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                boolean newcomer = i >= 40;
                String id = (newcomer ? "n" : "b") + i;
                t.b.account(id, id, newcomer ? made - (i - 39) * 7 * DAY : made + (i % 2) * DAY, 0);
                t.b.addFollow(id, "client");
                book.forEach(p -> t.b.addFollow(id, p));
                if (newcomer && !pool && i % 5 >= 3) {
                    t.b.addFollow("old", id);
                } else {
                    (newcomer ? unknownNewcomers : batch).add(id);
                }
            }
            background(t, book, NOW - 5 * FollowGraphs.YEAR, 0);
            Activity a = t.build();
            DenseBlockFinder finder = LockstepFollowSignal.follows(a);
            long[] created = created(a);
            CoordinationParams.FollowParams params = CoordinationParams.defaults().follow();
            int client = t.id("client");
            List<BoughtAudiences.Audience> ofClient = BoughtAudiences.audiences(finder, created,
                    BoughtAudiences.gaps(finder, created), params).stream().filter(x -> x.target() == client).toList();
            assertThat(unknownNewcomers).hasSize(pool ? 20 : 12);
            Integer[] counts = {pool ? 60 : 40};
            assertThat(ofClient).extracting(BoughtAudiences.Audience::unknown).containsExactly(counts);
            assertThat(ofClient).extracting(BoughtAudiences.Audience::created).containsExactly(counts);
            List<DenseBlock> blocks = BoughtAudiences.pass(finder, created, List.of(), new boolean[a.accountCount()],
                    new int[a.accountCount()][], params).bought();
            assertThat(blocks).hasSize(1);
            List<String> expected = new ArrayList<>(batch);
            if (pool) {
                expected.addAll(unknownNewcomers);
            }
            assertThat(Arrays.stream(blocks.get(0).followers()).mapToObj(v -> a.accountId(v)).toList())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** The creation time of every account of {@code a}. */
    private static long[] created(Activity a) {
        long[] created = new long[a.accountCount()];
        for (int v = 0; v < created.length; v++) {
            created[v] = a.accountCreated(v);
        }
        return created;
    }

    /** The bought audiences' blocks of {@code a} with no account in a kept block. */
    private static List<DenseBlock> bought(Activity a) {
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        long[] created = created(a);
        return BoughtAudiences.pass(finder, created, List.of(), new boolean[a.accountCount()],
                new int[a.accountCount()][], CoordinationParams.defaults().follow()).bought();
    }

    private static Set<String> members(Activity a, List<DenseBlock> blocks) {
        return FollowNullModelTest.flagged(a, new SignalGraph(CoordinationSignal.LOCKSTEP_FOLLOW, List.of(), 0, 0,
                blocks));
    }

    /**
     * Eight communities, the platform's 20 top accounts, and a fresh farm of 150 made in two days following one client
     * ("vc0") at 0.85, the client also followed by 200 members of community 0, and the top accounts at 0.5.
     */
    private record FarmWorld(Activity a, List<String> farm) {
        static FarmWorld build() {
            FollowGraphs gen = FollowNullModelTest.eightCommunities(31);
            List<String> tops = gen.celebrities(20, 0.65, 0.45);
            List<String> farm = gen.fewClientFarm(150, new double[] {0.85}, 2, 200, tops, 0.5);
            return new FarmWorld(gen.build(), farm);
        }
    }

    /**
     * A fresh farm of 150 made in two days following one client at 0.85 (the client also followed by 200 members of
     * community 0) and the platform's top accounts, followed by nobody: the bought audiences alone make one block of
     * at least 120 of it with the client among its targets, and nobody else; the whole signal keeps the farm's
     * members only.
     */
    @Test
    void aOneClientFarmIsFoundFromItsClientsAudience() {
        FarmWorld w = FarmWorld.build();
        Activity a = w.a();
        List<String> farm = w.farm();
        List<DenseBlock> blocks = bought(a);
        SignalGraph g = new SignalGraph(CoordinationSignal.LOCKSTEP_FOLLOW, List.of(), 0, 0, blocks);
        String why = FollowNullModelTest.describe(a, g);
        assertThat(blocks).as(why).hasSize(1);
        assertThat(blocks.get(0).targets()).as(why).contains(LockstepFollowSignalTest.indexOf(a, "vc0"));
        Set<String> found = members(a, blocks);
        assertThat(farm).as(why).containsAll(found);
        assertThat(found.size()).as(why).isGreaterThanOrEqualTo(120);
        Set<String> flagged = FollowNullModelTest.flagged(a, follow(a, true));
        assertThat(farm).containsAll(flagged);
        assertThat(flagged.size()).isGreaterThanOrEqualTo(120);
    }

    /**
     * {@link FarmWorld} as the pass sees it: its follow index, creation times, the default parameters, every account's
     * gap, the longest span in seconds and the client's index.
     */
    private record PassWorld(Activity a, List<String> farm, DenseBlockFinder finder, long[] created,
                             CoordinationParams.FollowParams params, long[] gap, long longest, int client) {
        static PassWorld build() {
            FarmWorld w = FarmWorld.build();
            Activity a = w.a();
            DenseBlockFinder finder = LockstepFollowSignal.follows(a);
            long[] created = BoughtAudiencesTest.created(a);
            CoordinationParams.FollowParams params = CoordinationParams.defaults().follow();
            return new PassWorld(a, w.farm(), finder, created, params, BoughtAudiences.gaps(finder, created),
                    BoughtAudiences.SPANS[BoughtAudiences.SPANS.length - 1] * params.creationBurst(),
                    LockstepFollowSignalTest.indexOf(a, "vc0"));
        }
    }

    /**
     * The pass after kept blocks: a block of 60 of the client's followers whom someone outside their batch follows,
     * kept with 20 of the farm's accounts among them, gives those up to the bought audience and keeps its readers, its
     * follows counted again; a block of 30 of the farm's accounts alone (most of it unknown) keeps them.
     */
    @Test
    void aReadersBlockGivesUpTheFarmsAccountsAndAFarmsBlockKeepsThem() {
        PassWorld pw = PassWorld.build();
        Activity a = pw.a();
        List<String> farm = pw.farm();
        DenseBlockFinder finder = pw.finder();
        long[] created = pw.created();
        CoordinationParams.FollowParams params = pw.params();
        long[] gap = pw.gap();
        long longest = pw.longest();
        int client = pw.client();
        IntArrayList readers = new IntArrayList();
        for (int i = finder.inStart(client); i < finder.inEnd(client) && readers.size() < 60; i++) {
            int f = finder.inFollower(i);
            if (gap[f] > longest && !farm.contains(a.accountId(f))) {
                readers.add(f);
            }
        }
        IntArrayList strangers = new IntArrayList();
        IntArrayList farmBlock = new IntArrayList();
        for (String id : farm) {
            int f = LockstepFollowSignalTest.indexOf(a, id);
            if (finder.follows(f, client) && gap[f] <= longest) {
                (strangers.size() < 20 ? strangers : farmBlock).add(f);
            }
        }
        assertThat(farmBlock.size()).isGreaterThanOrEqualTo(30);
        farmBlock.size(30);
        assertThat(readers.size()).isEqualTo(60);
        assertThat(strangers.size()).isEqualTo(20);
        IntArrayList mixed = new IntArrayList(readers);
        mixed.addAll(strangers);
        DenseBlock readersBlock = block(mixed.toIntArray(), client);
        DenseBlock farmsBlock = block(farmBlock.toIntArray(), client);
        boolean[] spent = new boolean[a.accountCount()];
        mixed.forEach(f -> spent[f] = true);
        farmBlock.forEach(f -> spent[f] = true);

        BoughtAudiences.Pass pass = BoughtAudiences.pass(finder, created, List.of(readersBlock, farmsBlock), spent,
                new int[spent.length][], params);

        IntOpenHashSet taken = new IntOpenHashSet();
        pass.bought().forEach(b -> taken.addAll(IntArrayList.wrap(b.followers())));
        assertThat(taken).containsAll(strangers).doesNotContainAnyElementsOf(farmBlock)
                .doesNotContainAnyElementsOf(readers);
        assertThat(pass.kept()).hasSize(2);
        DenseBlock left = pass.kept().get(0);
        assertThat(left.followers()).containsExactlyInAnyOrder(readers.toIntArray());
        assertThat(left.targets()).containsExactly(client);
        assertThat(left.observed()).isEqualTo(60);
        assertThat(left.density()).isEqualTo(1.0);
        assertThat(left.expected()).isCloseTo(readersBlock.expected() * 60 / 80, within(1e-9));
        assertThat(pass.kept().get(1)).isSameAs(farmsBlock);
        // the audience's block is bought; the readers left are not, nor the farm's block, which holds under half of
        // the audience's members
        assertThat(pass.bought()).isNotEmpty().allMatch(DenseBlock::bought);
        assertThat(left.bought()).isFalse();
        assertThat(farmsBlock.bought()).isFalse();
    }

    /**
     * A block that an earlier round kept with most of the farm's accounts (those following the client, unknown at the
     * longest span) holds the bought audience's members: nothing is left for a block of its own, and the kept block is
     * found bought, its followers and figures unchanged.
     */
    @Test
    void aKeptBlockHoldingMostOfABoughtAudienceIsFoundBought() {
        PassWorld pw = PassWorld.build();
        Activity a = pw.a();
        DenseBlockFinder finder = pw.finder();
        long[] created = pw.created();
        CoordinationParams.FollowParams params = pw.params();
        int client = pw.client();
        IntArrayList farm = new IntArrayList();
        for (String id : pw.farm()) {
            int f = LockstepFollowSignalTest.indexOf(a, id);
            if (finder.follows(f, client) && pw.gap()[f] <= pw.longest()) {
                farm.add(f);
            }
        }
        assertThat(farm.size()).isGreaterThanOrEqualTo(100);
        DenseBlock kept = block(farm.toIntArray(), client);
        boolean[] spent = new boolean[a.accountCount()];
        farm.forEach(f -> spent[f] = true);

        BoughtAudiences.Pass pass = BoughtAudiences.pass(finder, created, List.of(kept), spent, new int[spent.length][],
                params);

        assertThat(pass.bought()).isEmpty();
        assertThat(pass.kept()).hasSize(1);
        DenseBlock found = pass.kept().get(0);
        assertThat(found.bought()).isTrue();
        assertThat(found.followers()).containsExactly(kept.followers());
        assertThat(found.targets()).containsExactly(kept.targets());
        assertThat(found.pValue()).isEqualTo(kept.pValue());
        assertThat(found.observed()).isEqualTo(kept.observed());
    }

    /** A block of {@code followers} (sorted here) following {@code target}, each one follow, a quarter expected. */
    private static DenseBlock block(int[] followers, int target) {
        int[] fs = followers.clone();
        Arrays.sort(fs);
        return new DenseBlock(fs, new int[] {target}, 1.0, fs.length, fs.length / 4.0, 1e-9);
    }

    /**
     * A drip-feed pool: 300 accounts made one at a time over eight months, each following client vc0 at 0.25 and vc1
     * at 0.25 (vc1 also when it follows no other), both clients followed by 10 ordinary members, the platform's top
     * accounts at 0.5, and 3 of 20 follow-back accounts, which follow them back (and 30 ordinary members each). The
     * follow-backs do not make its accounts known; no window of 28 days holds enough of vc0's audience, a half-year
     * window does: the bought audiences take most of the pool and no other account.
     */
    @Test
    void aPoolMadeOverMonthsAndFollowedBackByFollowBackAccountsIsFound() {
        FollowGraphs gen = FollowNullModelTest.eightCommunities(31);
        List<String> tops = gen.celebrities(20, 0.65, 0.45);
        List<String> pool = gen.dripPool(300, new double[] {0.25, 0.25}, 240, 10, tops, 0.5);
        gen.followBackAccounts(20, 30, pool, 3);
        Activity a = gen.build();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        long[] created = created(a);
        long[] gap = BoughtAudiences.gaps(finder, created);
        long unknown = pool.stream().filter(id -> gap[LockstepFollowSignalTest.indexOf(a, id)] == 0).count();
        assertThat(unknown).isEqualTo(pool.size());
        int client = LockstepFollowSignalTest.indexOf(a, "vc0");
        CoordinationParams.FollowParams params = CoordinationParams.defaults().follow();
        List<BoughtAudiences.Audience> ofClient = BoughtAudiences.audiences(finder, created, gap, params).stream()
                .filter(x -> x.target() == client).toList();
        assertThat(ofClient).isNotEmpty().allMatch(x -> x.span() == 26 * params.creationBurst());
        List<DenseBlock> blocks = bought(a);
        SignalGraph g = new SignalGraph(CoordinationSignal.LOCKSTEP_FOLLOW, List.of(), 0, 0, blocks);
        String why = FollowNullModelTest.describe(a, g);
        Set<String> found = members(a, blocks);
        assertThat(pool).as(why).containsAll(found);
        assertThat(found.size()).as(why).isGreaterThanOrEqualTo(pool.size() / 2);
    }

    /**
     * Phase: a bought block's targets are accounts 0, 1 and 2 (the floor: two of them). Delivered: 3 (unknown, follows
     * 0 and 1) and 10 (follows 1 and 2, its one follower made a month from it: unknown at half a year). Not: 4 (one
     * client), 5 (known: its follower was made two years from it), 6 (closed), 7 (in a bought block already), 8 (four
     * follows, under the block floor of six) and 9 (creation unknown).
     */
    /**
     * The deliveries' world: accounts 0, 1 and 2 are a block's targets; 3 (unknown, follows 0 and 1) and 10 (follows 1
     * and 2, its one follower made a month from it: unknown at half a year) are deliveries. Not: 4 (one client), 5
     * (known: its follower was made two years from it), 6 (closed), 7 (in a bought block already), 8 (four follows,
     * under the block floor of six) and 9 (creation unknown). 11, 12 and 13 follow all three targets (a kept block's
     * followers, closed). 6, 14 and 15 follow 26, 27 and 28 (another kept block's followers); 32 to 39 are known
     * accounts (followed by 30) that follow 20 to 28, the archive's readers. No account's follows are accounted for.
     */
    private record DeliveriesWorld(DenseBlockFinder finder, long[] created, long[] gap, long longest,
                                   CoordinationParams.FollowParams params, boolean[] closed, int[][] accounted,
                                   int[] blockOf) {
        static DeliveriesWorld build() {
            return build(8);
        }

        /** The world with {@code readers} known readers (32, 33, …) in place of eight. */
        static DeliveriesWorld build(int readers) {
            int n = 32 + readers;
            long[] created = new long[n];
            Arrays.fill(created, 5 * FollowGraphs.YEAR);
            created[9] = Long.MIN_VALUE;
            created[30] = 3 * FollowGraphs.YEAR;
            created[31] = 5 * FollowGraphs.YEAR + 30 * DAY;
            IntArrayList from = new IntArrayList();
            IntArrayList to = new IntArrayList();
            int[][] clients = {{}, {}, {}, {0, 1}, {0}, {0, 1, 2}, {0, 1}, {0, 1}, {0, 1}, {0, 2}, {1, 2}, {0, 1, 2},
                {0, 1, 2}, {0, 1, 2}};
            for (int v = 3; v <= 13; v++) {
                for (int c : clients[v]) {
                    from.add(v);
                    to.add(c);
                }
                for (int k = 0; k < (v == 8 ? 2 : 5); k++) {
                    from.add(v);
                    to.add(20 + k);
                }
            }
            from.add(30);
            to.add(5);
            from.add(31);
            to.add(10);
            for (int v : new int[] {6, 14, 15}) {
                for (int t = 26; t <= 28; t++) {
                    from.add(v);
                    to.add(t);
                }
            }
            for (int v = 14; v <= 15; v++) {
                for (int t = 20; t <= 24; t++) {
                    from.add(v);
                    to.add(t);
                }
            }
            for (int v = 32; v < n; v++) {
                from.add(30);
                to.add(v);
                for (int t = 20; t <= 28; t++) {
                    from.add(v);
                    to.add(t);
                }
            }
            DenseBlockFinder finder = new DenseBlockFinder(n, from.toIntArray(), to.toIntArray());
            CoordinationParams.FollowParams params = CoordinationParams.defaults().follow();
            boolean[] closed = new boolean[n];
            closed[6] = true;
            closed[11] = closed[12] = closed[13] = true;
            int[] blockOf = new int[n];
            Arrays.fill(blockOf, -1);
            blockOf[7] = 0;
            return new DeliveriesWorld(finder, created, BoughtAudiences.gaps(finder, created),
                    BoughtAudiences.SPANS[BoughtAudiences.SPANS.length - 1] * params.creationBurst(), params, closed,
                    new int[n][], blockOf);
        }
    }

    /**
     * Phase: a bought block's targets are accounts 0, 1 and 2 (the floor: two of them); see {@link DeliveriesWorld}.
     */
    @Test
    void theDeliveriesAreTheFreeUnknownAccountsFollowingTwoOfTheBlocksTargets() {
        DeliveriesWorld w = DeliveriesWorld.build();
        int[] scratch = new int[w.created().length];
        BoughtAudiences.Population large = new BoughtAudiences.Population(5_000, 100);
        int[] delivered = BoughtAudiences.deliveries(w.finder(), w.created(), w.gap(), w.longest(),
                new int[] {0, 1, 2}, w.closed(), w.accounted(), w.blockOf(), large, w.params(), scratch);
        assertThat(delivered).containsExactly(3, 10);
        assertThat(scratch).containsOnly(0);
        assertThat(BoughtAudiences.deliveries(w.finder(), w.created(), w.gap(), w.longest(), new int[] {0},
                w.closed(), w.accounted(), w.blockOf(), large, w.params(), scratch)).isEmpty();
        // an explained block accounted for 3's follows of 1 and 20: one client left, under the floor; 10's of 0 (which
        // it does not follow) change nothing
        w.accounted()[3] = new int[] {1, 20};
        w.accounted()[10] = new int[] {0};
        assertThat(BoughtAudiences.deliveries(w.finder(), w.created(), w.gap(), w.longest(), new int[] {0, 1, 2},
                w.closed(), w.accounted(), w.blockOf(), large, w.params(), scratch)).containsExactly(10);
        assertThat(scratch).containsOnly(0);
    }

    /**
     * Phase: the deliveries' chance. The clients 0, 1 and 2 have one known eligible follower each (5). Among the
     * world's own 20 eligible accounts, 11 of them unknown, an unknown account follows a client at 1 / 9, two of them
     * together by chance in 11 · P(Poisson(3 / 9) ≥ 2) ≈ 0.49 accounts, and the two found (3 and 10) are no evidence;
     * among 5,000 eligible accounts, 100 unknown, in about 2 · 10⁻⁵, and they are the vendor's.
     */
    @Test
    void theDeliveriesAreTakenOnlyBeyondChance() {
        DeliveriesWorld w = DeliveriesWorld.build();
        int[] scratch = new int[w.created().length];
        BoughtAudiences.Population own = BoughtAudiences.population(w.finder(), w.created(), w.gap(), w.longest(),
                w.params().minTargets());
        assertThat(own).isEqualTo(new BoughtAudiences.Population(20, 11));
        double chance = 11 * PoissonTail.upper(2, 3.0 / 9);
        assertThat(chance).isCloseTo(0.49, within(0.01));
        assertThat(PoissonTail.upper(2, chance)).isGreaterThan(w.params().maxPValue());
        assertThat(BoughtAudiences.deliveries(w.finder(), w.created(), w.gap(), w.longest(), new int[] {0, 1, 2},
                w.closed(), w.accounted(), w.blockOf(), own, w.params(), scratch)).isEmpty();
        assertThat(scratch).containsOnly(0);
        BoughtAudiences.Population large = new BoughtAudiences.Population(5_000, 100);
        assertThat(PoissonTail.upper(2, 100 * PoissonTail.upper(2, 3.0 / 4_900))).isLessThan(1e-6);
        assertThat(BoughtAudiences.deliveries(w.finder(), w.created(), w.gap(), w.longest(), new int[] {0, 1, 2},
                w.closed(), w.accounted(), w.blockOf(), large, w.params(), scratch)).containsExactly(3, 10);
    }

    /**
     * The pass: an account that an explained block spent is no block's, and a vendor's block takes it among its
     * deliveries on the follows that explanation did not account for. Kept blocks: {11, 12, 13} on the clients 0, 1
     * and 2, and {6, 14, 15} on 26, 27 and 28 (2,000 known readers follow those too: no client). Spent by explained
     * blocks: 3 (on the stars 20 and 21) and 7 (on 0 and 20). The first block takes 3 and 10; not 7 (one client left),
     * 4 (one client), nor 6 (the other block's).
     */
    @Test
    void anAccountAnExplainedBlockSpentIsDeliveredOnTheFollowsItDidNotAccountFor() {
        DeliveriesWorld w = DeliveriesWorld.build(2_000);
        int n = w.created().length;
        CoordinationParams.FollowParams p = w.params();
        CoordinationParams.FollowParams params = new CoordinationParams.FollowParams(3, p.minTargets(), p.minDensity(),
                p.maxBlocks(), p.creationBurst(), p.maxPValue(), p.minLift(), p.partners());
        DenseBlock pool = new DenseBlock(new int[] {11, 12, 13}, new int[] {0, 1, 2}, 1.0, 9, 0.9, 1e-6);
        DenseBlock other = new DenseBlock(new int[] {6, 14, 15}, new int[] {26, 27, 28}, 1.0, 9, 0.9, 1e-6);
        boolean[] spent = new boolean[n];
        for (int v : new int[] {3, 6, 7, 11, 12, 13, 14, 15}) {
            spent[v] = true;
        }
        int[][] accounted = new int[n][];
        accounted[3] = new int[] {20, 21};
        accounted[7] = new int[] {0, 20};
        BoughtAudiences.Pass pass = BoughtAudiences.pass(w.finder(), w.created(), List.of(pool, other), spent,
                accounted, params);
        assertThat(pass.bought()).isEmpty();
        assertThat(pass.kept()).hasSize(2);
        assertThat(pass.kept().get(0).followers()).containsExactly(3, 10, 11, 12, 13);
        assertThat(pass.kept().get(1)).isSameAs(other);
        // with no follow accounted for, both are delivered: being spent closes nothing to a vendor's deliveries
        assertThat(BoughtAudiences.pass(w.finder(), w.created(), List.of(pool, other), spent, new int[n][], params)
                .kept().get(0).followers()).containsExactly(3, 7, 10, 11, 12, 13);
    }

    /** An archive of 100,000 eligible accounts, a share {@code unknown} of them unknown. */
    private static BoughtAudiences.Population share(double unknown) {
        return new BoughtAudiences.Population(100_000, (int) Math.round(unknown * 100_000));
    }

    /**
     * Phase: a kept block of 11, 12 and 13 on targets 0, 1 and 2 (a part of a pool the follow rounds found) takes the
     * same deliveries as a bought block with those clients, closes them and counts its follows again over its five
     * followers (13 follows, none returned; the expectation scaled by 5 / 3); a block whose clients are fewer than
     * the floor of two takes none and is returned as it was. A block that also holds a known reader of other targets
     * lets it go when it takes deliveries.
     */
    @Test
    void aKeptBlockOfUnknownAccountsTakesTheVendorsDeliveriesToo() {
        DeliveriesWorld w = DeliveriesWorld.build();
        int n = w.created().length;
        boolean[] target = new boolean[n];
        int[] scratch = new int[n];
        DenseBlock kept = new DenseBlock(new int[] {11, 12, 13}, new int[] {0, 1, 2}, 1.0, 9, 0.9, 1e-6);
        DenseBlock grown = BoughtAudiences.withDeliveries(w.finder(), w.created(), w.gap(), w.longest(), share(0),
                kept, target, w.closed(), w.accounted(), w.blockOf(), w.params(), scratch);
        assertThat(grown.followers()).containsExactly(3, 10, 11, 12, 13);
        assertThat(grown.targets()).containsExactly(0, 1, 2);
        assertThat(grown.observed()).isEqualTo(13);
        assertThat(grown.density()).isCloseTo(13 / 15.0, within(1e-12));
        assertThat(grown.expected()).isCloseTo(0.9 * 5 / 3, within(1e-12));
        assertThat(grown.pValue()).isEqualTo(PoissonTail.upper(13, 1.5));
        assertThat(grown.bought()).isFalse();
        assertThat(w.closed()[3]).isTrue();
        assertThat(w.closed()[10]).isTrue();
        assertThat(target).containsOnly(false);
        assertThat(scratch).containsOnly(0);
        // of its own followers the block keeps the unknown ones and the known ones that follow the floor of two of its
        // clients (5 follows all three);
        // a known reader that follows none of them (32) leaves it
        DeliveriesWorld mixedWorld = DeliveriesWorld.build();
        DenseBlock mixed = new DenseBlock(new int[] {5, 11, 12, 13, 32}, new int[] {0, 1, 2}, 0.8, 12, 1.0, 1e-6);
        DenseBlock vendors = BoughtAudiences.withDeliveries(mixedWorld.finder(), mixedWorld.created(),
                mixedWorld.gap(), mixedWorld.longest(), share(0), mixed, target, mixedWorld.closed(),
                mixedWorld.accounted(), mixedWorld.blockOf(), mixedWorld.params(), scratch);
        assertThat(vendors.followers()).containsExactly(3, 5, 10, 11, 12, 13);
        // delivered once: a second block on the same clients finds nothing left
        DenseBlock again = new DenseBlock(new int[] {11, 12}, new int[] {0, 1, 2}, 1.0, 6, 0.6, 1e-4);
        assertThat(BoughtAudiences.withDeliveries(w.finder(), w.created(), w.gap(), w.longest(), share(0), again,
                target, w.closed(), w.accounted(), w.blockOf(), w.params(), scratch)).isSameAs(again);
        DenseBlock oneClient = new DenseBlock(new int[] {11, 12, 13}, new int[] {0}, 1.0, 3, 0.3, 1e-3);
        assertThat(BoughtAudiences.withDeliveries(w.finder(), w.created(), w.gap(), w.longest(), share(0), oneClient,
                target,
                DeliveriesWorld.build().closed(), w.accounted(), w.blockOf(), w.params(), scratch)).isSameAs(oneClient);
        // the clients' audiences are mostly unknown (0: 8 of 10 followers, 1: 8 of 9, 2: 4 of 6), but not beyond an
        // archive where 0.85 of the eligible accounts are unknown: no client, no delivery
        DeliveriesWorld fresh = DeliveriesWorld.build();
        assertThat(BoughtAudiences.withDeliveries(fresh.finder(), fresh.created(), fresh.gap(), fresh.longest(),
                share(0.85),
                kept, target, fresh.closed(), fresh.accounted(), fresh.blockOf(), fresh.params(), scratch))
                .isSameAs(kept);
        // a target most of whose followers are known is a star the farm follows as camouflage, no client: with 5 and 9
        // known, 2 keeps 4 of 6 unknown, but at a background of 0.7 only 0 and 1 remain, and 10 follows one of them
        DenseBlock grownWithout2 = BoughtAudiences.withDeliveries(fresh.finder(), fresh.created(), fresh.gap(),
                fresh.longest(), share(0.7), kept, target, fresh.closed(), fresh.accounted(), fresh.blockOf(),
                fresh.params(), scratch);
        assertThat(grownWithout2.followers()).containsExactly(3, 11, 12, 13);
        assertThat(target).containsOnly(false);
        assertThat(scratch).containsOnly(0);
    }

    /**
     * Phase: of ten followers, 3 follow client 20, 2 follow client 21 and all follow account 22, whose audience is not
     * bought: the block's clients are 20 alone (a quarter of ten is 2.5).
     */
    @Test
    void aBlocksClientsAreTheBoughtTargetsAQuarterOfItFollows() {
        int n = 30;
        IntArrayList from = new IntArrayList();
        IntArrayList to = new IntArrayList();
        for (int f = 0; f < 10; f++) {
            from.add(f);
            to.add(22);
            if (f < 3) {
                from.add(f);
                to.add(20);
            }
            if (f >= 8) {
                from.add(f);
                to.add(21);
            }
        }
        DenseBlockFinder finder = new DenseBlockFinder(n, from.toIntArray(), to.toIntArray());
        boolean[] client = new boolean[n];
        client[20] = true;
        client[21] = true;
        int[] scratch = new int[n];
        int[] followers = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertThat(BoughtAudiences.clients(finder, followers, client, 0.25, scratch)).containsExactly(20);
        assertThat(scratch).containsOnly(0);
    }

    /**
     * A drip-feed pool of 240 made one at a time over eighteen months, each account following each of four clients at
     * 0.4 (at least one), with 60 ordinary newcomers of the last months following one client each. The half-year
     * windows of the clients' audiences leave pool accounts outside all of them; the vendor's deliveries bring those
     * that follow two of the block's clients, and no newcomer.
     */
    @Test
    void aPoolsAccountsOutsideTheBoughtWindowsAreItsDeliveries() {
        FollowGraphs gen = FollowNullModelTest.eightCommunities(37);
        List<String> tops = gen.celebrities(20, 0.65, 0.45);
        List<String> pool = gen.dripPool(240, new double[] {0.4, 0.4, 0.4, 0.4}, 540, 10, tops, 0.5);
        List<String> newcomers = gen.farmDayNewcomers(60, 150, "vc0", tops);
        Activity a = gen.build();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        long[] created = created(a);
        long[] gap = BoughtAudiences.gaps(finder, created);
        CoordinationParams.FollowParams params = CoordinationParams.defaults().follow();
        List<BoughtAudiences.Audience> audiences = BoughtAudiences.audiences(finder, created, gap, params);
        List<DenseBlock> blocks = bought(a);
        Set<String> found = members(a, blocks);
        String why = FollowNullModelTest.describe(a, new SignalGraph(CoordinationSignal.LOCKSTEP_FOLLOW, List.of(), 0,
                0, blocks));
        assertThat(found).as(why).doesNotContainAnyElementsOf(newcomers);
        assertThat(pool).as(why).containsAll(found);
        // the pool's accounts in no window of a client they follow, and following two clients
        List<String> outside = pool.stream().filter(id -> {
            int v = LockstepFollowSignalTest.indexOf(a, id);
            int clients = 0;
            for (int k = 0; k < 4; k++) {
                int c = LockstepFollowSignalTest.indexOf(a, "vc" + k);
                if (!finder.follows(v, c)) {
                    continue;
                }
                clients++;
                for (BoughtAudiences.Audience x : audiences) {
                    if (x.target() == c && created[v] >= x.from() && created[v] - x.from() <= x.span()) {
                        return false;
                    }
                }
            }
            return clients >= 2;
        }).toList();
        assertThat(outside).as("pool accounts outside every window").isNotEmpty();
        assertThat(found).as(why).containsAll(outside);
        assertThat(found.size()).as(why).isGreaterThanOrEqualTo(pool.size() * 8 / 10);
    }

    /**
     * A sign-up wave of 150 made in two days on a starter list of five top accounts and eight community stars, each
     * member followed by 3–12 people it knows, beside the farm: the bought audiences take the farm and no member of
     * the wave.
     */
    @Test
    void aWaveFollowedByThePeopleItKnowsIsNotBought() {
        FollowGraphs gen = FollowNullModelTest.eightCommunities(31);
        List<String> tops = gen.celebrities(20, 0.65, 0.45);
        List<String> farm = gen.fewClientFarm(100, new double[] {0.85}, 2, 200, tops, 0.5);
        List<String> list = FollowGraphs.starterList(tops);
        List<String> wave = gen.starterListWave(150, list, 0.85);
        gen.acquaintances(wave, 3, 12);
        Activity a = gen.build();
        Set<String> found = members(a, bought(a));
        assertThat(found).doesNotContainAnyElementsOf(wave);
        assertThat(farm).containsAll(found);
        assertThat(found.size()).isGreaterThanOrEqualTo(80);
    }

    /**
     * An archive that holds the follows of a few accounts' audiences only: the client's 200 followers made over years
     * and the farm's 100 made in two days, none of them followed by anyone (their followers were not collected).
     * Everyone is unknown, so nothing is beyond the background: no block.
     */
    @Test
    void whereNobodyIsKnownNothingIsBought() {
        Timeline t = new Timeline();
        List<String> pool = clientAndPool(t);
        for (int i = 0; i < 300; i++) {
            String id = "a" + i;
            boolean farm = i < 100;
            t.b.account(id, id, farm ? NOW - FollowGraphs.YEAR + (i % 2) * DAY
                    : NOW - 4 * FollowGraphs.YEAR + (i - 100) * 5 * DAY, 0);
            t.b.addFollow(id, "client");
            pool.forEach(p -> t.b.addFollow(id, p));
        }
        assertThat(bought(t.build())).isEmpty();
    }
}
