package io.lockstep.coordination;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Bought audiences: blocks of the follow signal found by an account's followers, judged by a null model of who
 * follows an account rather than of whom accounts follow. A vendor of followers makes its accounts in batches and
 * delivers them to its clients; nobody who knows anyone follows them, because nobody knows them (S. Cresci,
 * R. Di Pietro, M. Petrocchi, A. Spognardi and M. Tesconi, "Fame for sale: efficient detection of fake Twitter
 * followers", Decision Support Systems 80, 2015: the follower count is among the strongest marks of bought
 * followers; G. Stringhini et al., "Follow the green: growth and dynamics in Twitter follower markets", IMC 2013).
 * Auditing an account's followers by their creation dates is how bought followers are shown in practice
 * (N. Confessore, G. J. X. Dance, R. Harris and M. Hansen, "The Follower Factory", The New York Times, 27 January
 * 2018: bands of followers created in the same weeks, in the order they followed). A farm that follows one client
 * besides the platform's popular accounts is no dense block: its members share one target, and the client's own
 * audience, in the community the partition puts the farm in, explains it to the follow model
 * ({@link FollowNullModel}); what it cannot hide is that the client's followers of those weeks are strangers.
 *
 * <p><b>The audience model.</b> An account is <i>unknown at span S</i> when every account that follows it was created
 * within S of it (none follows it, or only accounts of its own batch do); a follower of unknown creation time counts as
 * known. A <i>follow-back account</i>, one that follows back at least {@value #FOLLOW_BACK_SHARE} of its followers (at
 * least {@value #FOLLOW_BACK_FOLLOWERS} of them), does not count where its follow returns the account's own: it answers
 * whoever follows it, so its follow says that the account followed it, not that anyone knows the account (S. Ghosh et
 * al., "Understanding and combating link farming in the Twitter social network", WWW 2012: the "social capitalists" who
 * follow back anyone, and whom link farmers follow to be followed). The <i>eligible</i> accounts are those of known
 * creation time that follow at least {@code minTargets} others (the block floor of the follow signal). Under ordinary
 * following, whether the accounts that follow a target t and were created in a window are unknown does not depend on
 * their following t: they are unknown as often as the eligible accounts created in the {@value #BACKGROUND_SPANS} spans
 * either side of the window, or the archive's as a whole (one pseudo-account at the archive's share, as in
 * {@link FarmCohortSignal}), and a batch is only a vendor's when <b>most</b> of it is unknown: the share tested is
 * q = max({@value #LEAST_SHARE}, (k + q_a) / (B + 1)), B the background's eligible accounts, k of them unknown, q_a the
 * archive's unknown share. For each target with at least {@code minFollowers} eligible followers and each span S of
 * {@link #SPANS} (in {@code creationBurst} spans):
 * <ol>
 *   <li>the window [s, s + S] holding the most unknown eligible followers of t, u of its c eligible followers (the
 *       earliest window on ties); once it is bought, the same among t's followers created outside it, and so on
 *       while they are bought (a client served by two batches). The spans are read shortest first, a longer one
 *       among the followers that no shorter span's window took: a batch is evidence for one window, and the months
 *       around it are judged on their own accounts (newcomers of those months whom nobody follows yet are no
 *       vendor's because a batch was delivered among them);</li>
 *   <li>t's audience is <b>bought</b> there when u ≥ {@code minFollowers}, u ≥ {@code minLift} times the eligible
 *       followers of t that the archive's sign-ups in the window predict (a batch made together, as
 *       {@link AudienceSeeds} asks), and P(Binomial(c, q) ≥ u) ≤ {@code maxPValue} / w, w the tests made (targets
 *       tested times spans: Bonferroni).</li>
 * </ol>
 * The bought audiences are taken strongest first (smallest tail; ties: larger u, then smaller target id). Each brings
 * its <i>members</i>: the unknown eligible followers of its window (its <i>batch</i>) not in a kept block (but for
 * a block of readers, {@link #pass}) that follow at least max(2, ⌈{@code minDensity} · |B|⌉) accounts of the batch's
 * <i>book</i> B, the accounts that a share
 * {@code minDensity} of the batch follows (t among them): a vendor's batch works through one order book, clients and
 * camouflage alike, while newcomers of the same weeks who follow t, nobody knowing them yet, otherwise follow their
 * own interests (the light floor of the follow signal's growth, {@link LockstepFollowSignal}). One whose members are at
 * least half in an earlier block joins that block (the same batch delivered to another client, or following the
 * platform's stars as camouflage), its target becoming one of the block's; otherwise its members not yet in a block
 * start one when they are at least {@code minFollowers}. A block's targets are its tests' targets that a share
 * {@code minDensity} of its members follows (the first test's always: the camouflage a batch spreads over the
 * platform's stars is no shared target), its observed count the unknown accounts summed over its tests, its expected
 * count the model's (Σ q · c), its p-value the smallest tail. A block then takes the vendor's <i>deliveries</i> made
 * outside its windows ({@link #deliveries}): the free unknown eligible accounts that follow at least
 * max(2, ⌈{@code minDensity} · |C|⌉) of its clients C, the accounts with a bought audience that a share
 * {@code minDensity} of its members follows (a drip-feed service's accounts made between the windows, too few in a
 * window of their own). So does a block of the follow rounds most of whose followers are unknown and whose audience
 * was not found bought, its clients being its targets whose audience is mostly unknown beyond the archive's share
 * ({@link #withDeliveries}): the rounds find a drip-feed pool a part at a time. <i>Free</i> is in no block: an account
 * that a block explained by the starter lists or the interest communities set aside is free, but counts only the
 * clients that explanation did not cover. The explanation judged the follows of that block's targets (a community's
 * stars, a starter list) and no others, and a drip-feed pool's accounts, which follow the platform's stars as
 * camouflage, are set aside that way before the vendor's clients are known.
 *
 * <p>Why honest crowds stay out: a wave of newcomers accepting a starter list is followed by the people they know,
 * so its share of unknown accounts is the background's; where many honest accounts are followed by nobody (lurkers,
 * newcomers of the last weeks) the background's share is as high, and the test asks for more than it and more than
 * half. An archive that holds the follows of a few accounts only leaves everyone unknown, and nothing is beyond the
 * background. What it cannot see: a batch followed back by follow-back accounts or followed by other accounts of the
 * same vendor made in other months, a batch whose accounts follow honest people who return follows selectively, a
 * farm of aged accounts (no batch), and a pool made one account at a time over years when no half-year window
 * holds enough of it for one client.
 *
 * <p>Cost: O(n + m log d) for the follow-back accounts and the unknown spans (each account's followers, d the largest
 * out-degree), O(n log n) for the archive's creation order, O(Σ d log d) for the targets' eligible followers sorted by
 * creation (by their rank in the archive's creation order, a sort of primitive ints: 5 bytes per account), O(d) per
 * target and span for the window scan, O(Σ in-degrees of the bought targets) for the members, and O(the members'
 * follows + Σ in-degrees of their clients) for the deliveries. Deterministic.
 */
final class BoughtAudiences {
    /**
     * The spans scanned, in {@code creationBurst} spans: a batch made in days, one made over a month, and a pool made
     * over half a year (a drip-feed service, which makes and delivers its accounts gradually).
     */
    static final int[] SPANS = {1, 4, 26};
    /** The background spans either side of a window: those {@link LockstepFollowSignal#creationBursts} compares with. */
    static final int BACKGROUND_SPANS = 8;
    /** The least share of unknown accounts the model allows a batch: a vendor's batch is mostly unknown. */
    static final double LEAST_SHARE = 0.5;
    /** The share of its followers a follow-back account follows back. */
    static final double FOLLOW_BACK_SHARE = 0.9;
    /** The followers a follow-back account has at least: fewer say nothing about whom it answers. */
    static final int FOLLOW_BACK_FOLLOWERS = 10;

    private BoughtAudiences() {
    }

    /**
     * A bought audience: target t's followers created in [from, from + span], {@code created} of them eligible,
     * {@code unknown} of those unknown at the span; the background's eligible accounts and unknown ones; the share
     * tested; the eligible followers of t the archive's sign-ups predict in the window; the binomial tail.
     */
    record Audience(int target, long from, long span, int created, int unknown, int background,
                    int backgroundUnknown, double share, double expectedCreated, double pValue) {
        /**
         * The members (ascending): the unknown eligible followers of the window that follow at least
         * max(2, ⌈{@code minDensity} · |B|⌉) accounts of the batch's book B (see the class comment), whichever block
         * holds them. O(the batch's follows).
         *
         * @param scratch one int per account, all 0; left all 0
         */
        int[] members(DenseBlockFinder finder, long[] created, long[] gap, CoordinationParams.FollowParams params,
                      int[] scratch) {
            IntArrayList batch = new IntArrayList();
            for (int i = finder.inStart(target); i < finder.inEnd(target); i++) {
                int v = finder.inFollower(i);
                long c = created[v];
                if (eligible(finder, created, v, params.minTargets()) && c >= from && c - from <= span
                        && gap[v] <= span) {
                    batch.add(v);
                }
            }
            // the batch's follows counted per account followed, then the book's accounts marked −1
            IntArrayList touched = new IntArrayList();
            for (int v : batch) {
                for (int i = finder.outStart(v); i < finder.outEnd(v); i++) {
                    if (scratch[finder.outTarget(i)]++ == 0) {
                        touched.add(finder.outTarget(i));
                    }
                }
            }
            int book = 0;
            for (int x = 0; x < touched.size(); x++) {
                int t = touched.getInt(x);
                if (scratch[t] >= params.minDensity() * batch.size()) {
                    scratch[t] = -1;
                    book++;
                } else {
                    scratch[t] = 0;
                }
            }
            int floor = Math.max(2, (int) Math.ceil(params.minDensity() * book));
            IntArrayList out = new IntArrayList();
            for (int v : batch) {
                int inBook = 0;
                for (int i = finder.outStart(v); i < finder.outEnd(v); i++) {
                    inBook += scratch[finder.outTarget(i)] == -1 ? 1 : 0;
                }
                if (inBook >= floor) {
                    out.add(v);
                }
            }
            return ascendingClearing(out, touched, scratch);
        }
    }

    /**
     * The blocks kept before this pass, what remains of them, and the blocks of bought audiences found after them.
     *
     * @param kept   the blocks kept before the pass, in their order; a readers' block that gave up members is replaced
     *               by what remains of it, and left out when fewer than {@code minFollowers} remain
     * @param bought the blocks of bought audiences, in the order found; all {@link DenseBlock#bought}
     */
    record Pass(List<DenseBlock> kept, List<DenseBlock> bought) {
    }

    /**
     * The bought audiences after the blocks {@code kept}: their members are the accounts not in {@code spent}, and
     * those of a <i>readers' block</i>, a kept block fewer than half of whose followers are unknown at the longest span
     * of {@link #SPANS}. A farm's accounts follow the platform's popular accounts as camouflage, so an earlier round
     * can hold some of them in a block of those accounts' readers, where they are a few strangers among people others
     * know; a bought audience that counts them among its members takes them, and the readers' block keeps the rest
     * ({@link #without}). A block most of whose followers are unknown is a batch's already and keeps its members; when
     * it holds at least half of a bought audience's members, and {@code minFollowers} of them, the audience model
     * finds it bought too ({@link DenseBlock#bought}): the vendor's batch, found first by the accounts it follows.
     *
     * @param created   the creation time of every account, {@code Long.MIN_VALUE} when unknown
     * @param spent     the accounts an earlier round has judged (the followers of {@code kept} among them); not
     *                  modified
     * @param accounted per account that an explained block set aside (spent, in no kept block), that block's targets
     *                  (ascending), whose follows the explanation accounted for; null for every other account
     */
    static Pass pass(DenseBlockFinder finder, long[] created, List<DenseBlock> kept, boolean[] spent,
                     int[][] accounted, CoordinationParams.FollowParams params) {
        long[] gap = gaps(finder, created);
        long longest = SPANS[SPANS.length - 1] * params.creationBurst();
        int n = created.length;
        boolean[] closed = spent.clone();
        // the accounts a block holds, for the deliveries: a kept block's other than a readers' block, or delivered
        boolean[] taken = new boolean[n];
        boolean[] readers = new boolean[kept.size()];
        // per account, the kept block other than a readers' block that holds it (-1: none)
        int[] keptOf = new int[n];
        Arrays.fill(keptOf, -1);
        for (int b = 0; b < kept.size(); b++) {
            int[] fs = kept.get(b).followers();
            int unknown = 0;
            for (int f : fs) {
                unknown += gap[f] <= longest ? 1 : 0;
            }
            readers[b] = 2 * unknown < fs.length;
            for (int f : fs) {
                if (readers[b]) {
                    closed[f] = false;
                } else {
                    keptOf[f] = b;
                    taken[f] = true;
                }
            }
        }
        List<Audience> bought = audiences(finder, created, gap, params);
        int[] blockOf = new int[n];
        Arrays.fill(blockOf, -1);
        List<IntArrayList> members = new ArrayList<>();
        List<IntArrayList> targets = new ArrayList<>();
        List<List<Audience>> tests = new ArrayList<>();
        boolean[] found = new boolean[kept.size()];
        int[] scratch = new int[n];
        for (Audience a : bought) {
            int[] all = a.members(finder, created, gap, params, scratch);
            int[] held = new int[kept.size()];
            for (int v : all) {
                if (keptOf[v] >= 0) {
                    held[keptOf[v]]++;
                }
            }
            for (int b = 0; b < kept.size(); b++) {
                found[b] |= held[b] >= params.minFollowers() && 2 * held[b] >= all.length;
            }
            int[] m = Arrays.stream(all).filter(v -> !closed[v]).toArray();
            int[] joined = new int[members.size()];
            int old = 0;
            for (int v : m) {
                if (blockOf[v] >= 0) {
                    joined[blockOf[v]]++;
                    old++;
                }
            }
            int into = -1;
            if (m.length > 0 && 2 * old >= m.length) {
                into = 0;
                for (int b = 1; b < joined.length; b++) {
                    into = joined[b] > joined[into] ? b : into;
                }
            } else if (m.length - old >= params.minFollowers()) {
                into = members.size();
                members.add(new IntArrayList());
                targets.add(new IntArrayList());
                tests.add(new ArrayList<>());
            }
            if (into < 0) {
                continue;
            }
            for (int v : m) {
                if (blockOf[v] < 0) {
                    blockOf[v] = into;
                    members.get(into).add(v);
                }
            }
            if (!targets.get(into).contains(a.target())) {
                targets.get(into).add(a.target());
            }
            tests.get(into).add(a);
        }
        boolean[] client = new boolean[n];
        for (Audience a : bought) {
            client[a.target()] = true;
        }
        Population population = population(finder, created, gap, longest, params.minTargets());
        List<DenseBlock> out = new ArrayList<>();
        for (int b = 0; b < members.size(); b++) {
            int[] tested = targets.get(b).toIntArray();
            DenseBlock block = block(finder, members.get(b).toIntArray(), tested, tests.get(b), params.minDensity());
            int[] clients = clients(finder, block.followers(), client, params.minDensity(), scratch);
            int[] delivered = deliveries(finder, created, gap, longest, clients, taken, accounted, blockOf,
                    population, params, scratch);
            if (delivered.length > 0) {
                for (int v : delivered) {
                    blockOf[v] = b;
                    members.get(b).add(v);
                }
                block = block(finder, members.get(b).toIntArray(), tested, tests.get(b), params.minDensity());
            }
            out.add(block.asBought());
        }
        List<DenseBlock> rest = new ArrayList<>();
        boolean[] target = new boolean[n];
        for (int b = 0; b < kept.size(); b++) {
            DenseBlock k = kept.get(b);
            DenseBlock left = readers[b] ? without(finder, k, blockOf) : found[b] ? k.asBought() : k;
            if (!readers[b] && !found[b]) {
                left = withDeliveries(finder, created, gap, longest, population, k, target, taken, accounted,
                        blockOf, params, scratch);
            }
            if (left.followers().length >= params.minFollowers()) {
                rest.add(left);
            }
        }
        return new Pass(rest, out);
    }

    /**
     * Kept block {@code k}, most of whose followers are unknown (a vendor's batch, not a block of readers) and whose
     * audience no test found bought, with the vendor's deliveries made outside it ({@link #deliveries}): a drip-feed
     * service's pool, found by the follow rounds a part at a time, leaves its accounts made between those parts free,
     * following the same clients, as it does beside a bought block's windows. Its clients are its targets that a share
     * {@code minDensity} of it follows and whose audience is mostly unknown, beyond the archive's share of unknown
     * accounts (more than max(½, that share) of their followers: an account whose audience a vendor
     * made). A block's targets also hold the platform's stars that a farm follows as camouflage; their audiences are
     * the platform's, and an ordinary account that nobody follows (a newcomer, or anyone in an archive whose accounts'
     * followers were not all collected) follows a quarter of them as readily as a delivered account does. The
     * deliveries are taken (as {@link #pass}'s bought blocks' are). Of its own followers the block then keeps the
     * unknown ones and the known ones that follow as many of its clients as a delivery does: a known account that
     * follows fewer is a reader of its other targets, the stars the pool follows as camouflage, that the rounds
     * gathered with the pool (most of the block being the pool's makes it no readers' block), and it leaves the
     * vendor's block. The block's follows are counted again over its followers as {@link #recounted} does. {@code k}
     * itself when nothing is delivered.
     *
     * @param population the archive's accounts ({@link #population}): the share of unknown accounts, and the
     *                   deliveries' chance
     * @param taken      the accounts a block holds (a kept block other than a readers', or delivered); the deliveries
     *                   are added
     * @param accounted  as {@link #pass} takes it
     * @param target     one flag per account, all false; left all false
     * @param scratch    one int per account, all 0; left all 0
     */
    static DenseBlock withDeliveries(DenseBlockFinder finder, long[] created, long[] gap, long longest,
                                     Population population, DenseBlock k, boolean[] target, boolean[] taken,
                                     int[][] accounted, int[] blockOf, CoordinationParams.FollowParams params,
                                     int[] scratch) {
        double least = Math.max(0.5, population.unknownShare());
        for (int t : k.targets()) {
            int unknown = 0;
            for (int i = finder.inStart(t); i < finder.inEnd(t); i++) {
                unknown += gap[finder.inFollower(i)] <= longest ? 1 : 0;
            }
            target[t] = unknown > least * finder.inDegree(t);
        }
        int[] clients = clients(finder, k.followers(), target, params.minDensity(), scratch);
        for (int t : k.targets()) {
            target[t] = false;
        }
        int[] delivered = deliveries(finder, created, gap, longest, clients, taken, accounted, blockOf, population,
                params, scratch);
        if (delivered.length == 0) {
            return k;
        }
        for (int v : delivered) {
            taken[v] = true;
        }
        int[] deliveredLike = LockstepFollowSignal.coFollowers(finder, k.followers(), clients,
                floor(clients.length, params.minDensity()));
        int[] own = Arrays.stream(k.followers())
                .filter(f -> gap[f] <= longest || Arrays.binarySearch(deliveredLike, f) >= 0).toArray();
        return recounted(finder, k, LockstepFollowSignal.union(own, delivered));
    }

    /**
     * A bought block's <i>clients</i>, ascending: the accounts whose audience was found bought ({@code client}) that
     * a share {@code minDensity} of the block's {@code followers} follows. A vendor's windows for different clients
     * in different months make different blocks (fewer than half their members shared), and each block's members
     * follow the vendor's other clients as well as the one tested. O(the followers' follows).
     *
     * @param scratch one int per account, all 0; left all 0
     */
    static int[] clients(DenseBlockFinder finder, int[] followers, boolean[] client, double minDensity,
                         int[] scratch) {
        IntArrayList touched = new IntArrayList();
        for (int f : followers) {
            for (int i = finder.outStart(f); i < finder.outEnd(f); i++) {
                int t = finder.outTarget(i);
                if (client[t] && scratch[t]++ == 0) {
                    touched.add(t);
                }
            }
        }
        IntArrayList out = new IntArrayList();
        for (int x = 0; x < touched.size(); x++) {
            int t = touched.getInt(x);
            if (scratch[t] >= minDensity * followers.length) {
                out.add(t);
            }
            scratch[t] = 0;
        }
        int[] a = out.toIntArray();
        Arrays.sort(a);
        return a;
    }

    /**
     * The vendor's deliveries made outside its bought windows: the accounts unknown at the longest span of
     * {@link #SPANS} ({@code longest}), eligible, free (not {@code taken}, in no bought block: {@code blockOf} &lt; 0)
     * that follow at least max(2, ⌈{@code minDensity} · |C|⌉) of a bought block's clients C ({@link #clients}), not
     * counting the clients among their {@code accounted} targets (an explanation's: see {@link #pass}), ascending. A
     * vendor works through its order book: a drip-feed service, which makes its accounts one at a time over months and
     * delivers each to several of its clients, leaves accounts between and beside the windows that were found, too few
     * in any window of their own to pass the test, following the same clients as the windows' members. An ordinary
     * account follows a client for the client's sake, and two of one vendor's clients by chance only, and that
     * chance is tested. Whether an eligible account is unknown does not depend on whom it follows under ordinary
     * following (the audience model's assumption), so an unknown account follows client c at the rate its known
     * followers give: k<sub>c</sub> / K, k<sub>c</sub> the known eligible followers of c and K the known eligible
     * accounts. At those rates the archive's U unknown eligible accounts hold E = U · P(Poisson(Σ k<sub>c</sub> / K)
     * ≥ floor) that follow the floor of C by chance, and the D found are the vendor's only when P(Poisson(E) ≥ D) ≤
     * {@code maxPValue} (none otherwise, and none where nobody is known). The clients of a drip-feed service, small
     * accounts whose audience the vendor made, give E far under one; two clients that hundreds of known accounts
     * follow (a public figure whose audience was bought once, and an account a starter list gives every newcomer)
     * give dozens, and an unknown account following both is no delivery. The class comment's "What it cannot see" is
     * what is left. O(Σ in-degrees of C).
     *
     * @param scratch one int per account, all 0; left all 0
     */
    static int[] deliveries(DenseBlockFinder finder, long[] created, long[] gap, long longest, int[] clients,
                            boolean[] taken, int[][] accounted, int[] blockOf, Population population,
                            CoordinationParams.FollowParams params, int[] scratch) {
        int floor = floor(clients.length, params.minDensity());
        if (clients.length < floor) {
            return new int[0];
        }
        IntArrayList touched = new IntArrayList();
        IntArrayList out = new IntArrayList();
        long known = 0;
        for (int t : clients) {
            for (int i = finder.inStart(t); i < finder.inEnd(t); i++) {
                int v = finder.inFollower(i);
                boolean eligible = eligible(finder, created, v, params.minTargets());
                known += eligible && gap[v] > longest ? 1 : 0;
                if (taken[v] || blockOf[v] >= 0 || gap[v] > longest
                        || !eligible
                        || accounted[v] != null && Arrays.binarySearch(accounted[v], t) >= 0) {
                    continue;
                }
                if (scratch[v]++ == 0) {
                    touched.add(v);
                }
                if (scratch[v] == floor) {
                    out.add(v);
                }
            }
        }
        int knownAccounts = population.eligible() - population.unknown();
        double chance = knownAccounts == 0 ? Double.POSITIVE_INFINITY
                : population.unknown() * PoissonTail.upper(floor, (double) known / knownAccounts);
        if (!out.isEmpty() && !(PoissonTail.upper(out.size(), chance) <= params.maxPValue())) {
            out.clear();
        }
        return ascendingClearing(out, touched, scratch);
    }

    /** The clients a delivery follows at least: max(2, ⌈{@code minDensity} · {@code clients}⌉). */
    static int floor(int clients, double minDensity) {
        return Math.max(2, (int) Math.ceil(minDensity * clients));
    }

    /**
     * The archive's eligible accounts (a known creation, at least {@code minTargets} follows), {@code unknown} of them
     * unknown (gap at most the longest span of {@link #SPANS}).
     */
    record Population(int eligible, int unknown) {
        /** The share of unknown accounts among the eligible ones; 0 when none is eligible. */
        double unknownShare() {
            return eligible == 0 ? 0 : (double) unknown / eligible;
        }
    }

    /** The archive's {@link Population}. O(n). */
    static Population population(DenseBlockFinder finder, long[] created, long[] gap, long longest, int minTargets) {
        int eligible = 0;
        int unknown = 0;
        for (int v = 0; v < created.length; v++) {
            if (eligible(finder, created, v, minTargets)) {
                eligible++;
                unknown += gap[v] <= longest ? 1 : 0;
            }
        }
        return new Population(eligible, unknown);
    }

    /** {@code out} as an ascending array, after setting {@code scratch} back to 0 at every account {@code touched}. */
    private static int[] ascendingClearing(IntArrayList out, IntArrayList touched, int[] scratch) {
        for (int x = 0; x < touched.size(); x++) {
            scratch[touched.getInt(x)] = 0;
        }
        int[] a = out.toIntArray();
        Arrays.sort(a);
        return a;
    }

    /**
     * Block {@code b} without the followers a bought audience took ({@code blockOf} ≥ 0), counted again over the
     * followers left ({@link #recounted}: the ones taken are assumed to have cost it their share of the expected
     * follows). The block itself when nobody was taken.
     */
    static DenseBlock without(DenseBlockFinder finder, DenseBlock b, int[] blockOf) {
        int[] fs = Arrays.stream(b.followers()).filter(f -> blockOf[f] < 0).toArray();
        if (fs.length == b.followers().length) {
            return b;
        }
        return recounted(finder, b, fs);
    }

    /**
     * Block {@code b} with the followers {@code fs} (ascending) in place of its own, on its targets: its follows
     * counted again over them (a mutual follow is a tie, not evidence, as in the follow signal's block test), its
     * expected count scaled by their number (the model's expectation is a sum over its followers, each assumed to
     * carry the block's average share), its p-value P(Poisson(expected) ≥ observed). O(|fs| · |targets| · log d).
     */
    static DenseBlock recounted(DenseBlockFinder finder, DenseBlock b, int[] fs) {
        long follows = 0;
        long observed = 0;
        for (int f : fs) {
            for (int t : b.targets()) {
                if (finder.follows(f, t)) {
                    follows++;
                    observed += finder.follows(t, f) ? 0 : 1;
                }
            }
        }
        double expected = b.expected() * fs.length / b.followers().length;
        double density = fs.length == 0 ? 0 : follows / ((double) fs.length * b.targets().length);
        return new DenseBlock(fs, b.targets(), density, observed, expected,
                PoissonTail.upper((int) Math.min(Integer.MAX_VALUE, observed), expected));
    }

    /**
     * The block of {@code followers} and those of {@code targets} (its tests' targets, strongest first) that a share
     * {@code minDensity} of them follows, the first always, with the audience model's figures of its tests.
     */
    private static DenseBlock block(DenseBlockFinder finder, int[] followers, int[] tested, List<Audience> tests,
                                    double minDensity) {
        Arrays.sort(followers);
        IntArrayList dense = new IntArrayList();
        for (int t : tested) {
            int in = 0;
            for (int f : followers) {
                in += finder.follows(f, t) ? 1 : 0;
            }
            if (dense.isEmpty() || in >= minDensity * followers.length) {
                dense.add(t);
            }
        }
        int[] targets = dense.toIntArray();
        Arrays.sort(targets);
        long inside = 0;
        for (int f : followers) {
            for (int t : targets) {
                inside += finder.follows(f, t) ? 1 : 0;
            }
        }
        long unknown = 0;
        double expected = 0;
        double p = 1;
        for (Audience a : tests) {
            unknown += a.unknown();
            expected += a.share() * a.created();
            p = Math.min(p, a.pValue());
        }
        return new DenseBlock(followers, targets, (double) inside / ((long) followers.length * targets.length),
                unknown, expected, p);
    }

    /**
     * The targets whose audience is bought at one of {@link #SPANS} (see the class comment), strongest first; a target
     * comes once for each window bought, a longer span's windows among the followers outside the shorter ones'.
     *
     * @param gap per account, the largest distance between its creation and a follower's ({@link #gaps})
     */
    static List<Audience> audiences(DenseBlockFinder finder, long[] created, long[] gap,
                                    CoordinationParams.FollowParams params) {
        int n = created.length;
        int minTargets = params.minTargets();
        // the eligible accounts by creation time; each eligible account's place in that order (its rank), so that a
        // target's followers are put in the same order by sorting their ranks
        boolean[] eligible = new boolean[n];
        IntArrayList ids = new IntArrayList();
        for (int v = 0; v < n; v++) {
            eligible[v] = eligible(finder, created, v, minTargets);
            if (eligible[v]) {
                ids.add(v);
            }
        }
        int[] byTime = ids.toIntArray();
        byCreation(byTime, created);
        int m = byTime.length;
        long[] times = new long[m];
        int[] rank = new int[n];
        for (int i = 0; i < m; i++) {
            times[i] = created[byTime[i]];
            rank[byTime[i]] = i;
        }
        long[] spans = new long[SPANS.length];
        int[][] unknownBefore = new int[SPANS.length][m + 1];
        for (int s = 0; s < SPANS.length; s++) {
            spans[s] = SPANS[s] * params.creationBurst();
            for (int i = 0; i < m; i++) {
                unknownBefore[s][i + 1] = unknownBefore[s][i] + (gap[byTime[i]] <= spans[s] ? 1 : 0);
            }
        }
        int tested = 0;
        int[] eligibleIn = new int[n];
        for (int t = 0; t < n; t++) {
            for (int i = finder.inStart(t); i < finder.inEnd(t); i++) {
                eligibleIn[t] += eligible[finder.inFollower(i)] ? 1 : 0;
            }
            tested += eligibleIn[t] >= params.minFollowers() ? SPANS.length : 0;
        }
        List<Audience> found = new ArrayList<>();
        long[] when = new long[16];
        int[] who = new int[16];
        for (int t = 0; t < n && m > 0; t++) {
            int k = eligibleIn[t];
            if (k < params.minFollowers()) {
                continue;
            }
            if (when.length < k) {
                when = new long[Math.max(k, 2 * when.length)];
                who = new int[when.length];
            }
            int c = 0;
            for (int i = finder.inStart(t); i < finder.inEnd(t); i++) {
                int v = finder.inFollower(i);
                if (eligible[v]) {
                    who[c++] = rank[v];
                }
            }
            Arrays.sort(who, 0, c);
            int[] order = new int[c];
            for (int i = 0; i < c; i++) {
                order[i] = byTime[who[i]];
                when[i] = times[who[i]];
            }
            // the best window, then the best of the followers left outside it, while they pass: a client served by
            // two batches of one vendor, or by two vendors, has a window for each; a longer span reads the followers
            // that no shorter span's window took, so a batch is evidence for one window only
            int[] left = order;
            long[] at = Arrays.copyOf(when, c);
            int alive = c;
            for (int s = 0; s < SPANS.length; s++) {
                Audience a;
                while ((a = test(t, left, at, alive, gap, spans[s], times, unknownBefore[s], params, tested)) != null) {
                    found.add(a);
                    int kept = 0;
                    for (int i = 0; i < alive; i++) {
                        if (at[i] < a.from() || at[i] - a.from() > a.span()) {
                            left[kept] = left[i];
                            at[kept++] = at[i];
                        }
                    }
                    alive = kept;
                }
            }
        }
        found.sort(Comparator.comparingDouble(Audience::pValue).thenComparing(Comparator.comparingInt(
                Audience::unknown).reversed()).thenComparingInt(Audience::target).thenComparingLong(Audience::span));
        return found;
    }

    /** The test of target t's audience at one span (the class comment's steps 1 and 2), or null when not bought. */
    private static Audience test(int t, int[] order, long[] when, int c, long[] gap, long span, long[] times,
                                 int[] unknownBefore, CoordinationParams.FollowParams params, int tested) {
        int best = -1;
        int bestStart = 0;
        int bestEnd = 0;
        int unknown = 0;
        for (int i = 0, j = 0; i < c; i++) {
            while (j < c && when[j] - when[i] <= span) {
                unknown += gap[order[j]] <= span ? 1 : 0;
                j++;
            }
            if (unknown > best) {
                best = unknown;
                bestStart = i;
                bestEnd = j;
            }
            unknown -= gap[order[i]] <= span ? 1 : 0;
        }
        if (best < params.minFollowers()) {
            return null;
        }
        long from = when[bestStart];
        int m = times.length;
        int a = AudienceSeeds.lower(times, from);
        int b = AudienceSeeds.upper(times, from + span);
        double expectedCreated = (double) c * (b - a) / m;
        if (best < params.minLift() * expectedCreated) {
            return null;
        }
        int lo = AudienceSeeds.lower(times, from - BACKGROUND_SPANS * span);
        int hi = AudienceSeeds.upper(times, from + (BACKGROUND_SPANS + 1) * span);
        int background = (a - lo) + (hi - b);
        int backgroundUnknown = (unknownBefore[a] - unknownBefore[lo]) + (unknownBefore[hi] - unknownBefore[b]);
        double archive = (double) unknownBefore[m] / m;
        double share = Math.max(LEAST_SHARE, (backgroundUnknown + archive) / (background + 1));
        int inWindow = bestEnd - bestStart;
        double p = BinomialTail.upper(inWindow, best, share);
        if (p > params.maxPValue() / tested) {
            return null;
        }
        return new Audience(t, from, span, inWindow, best, background, backgroundUnknown, share, expectedCreated, p);
    }

    /**
     * Per account, the largest distance between its creation time and a follower's, a follow-back account that
     * returns the account's follow not counted (see the class comment): 0 when nobody else follows it,
     * {@code Long.MAX_VALUE} when its own creation time or a follower's is unknown. An account is unknown at span S
     * when its gap is at most S. O(n + m log d), d the largest out-degree.
     */
    static long[] gaps(DenseBlockFinder finder, long[] created) {
        int n = created.length;
        boolean[] followsBack = followBackAccounts(finder, n);
        long[] gap = new long[n];
        for (int v = 0; v < n; v++) {
            long c = created[v];
            if (c == Long.MIN_VALUE) {
                gap[v] = Long.MAX_VALUE;
                continue;
            }
            for (int i = finder.inStart(v); i < finder.inEnd(v) && gap[v] != Long.MAX_VALUE; i++) {
                int f = finder.inFollower(i);
                if (followsBack[f] && finder.follows(v, f)) {
                    continue;
                }
                long w = created[f];
                gap[v] = w == Long.MIN_VALUE ? Long.MAX_VALUE : Math.max(gap[v], Math.abs(w - c));
            }
        }
        return gap;
    }

    /**
     * Per account of the {@code n}, whether it is a follow-back account: at least {@link #FOLLOW_BACK_FOLLOWERS}
     * followers, of whom it follows back a share {@link #FOLLOW_BACK_SHARE}. O(m log d).
     */
    static boolean[] followBackAccounts(DenseBlockFinder finder, int n) {
        boolean[] back = new boolean[n];
        for (int w = 0; w < n; w++) {
            int followers = finder.inDegree(w);
            if (followers < FOLLOW_BACK_FOLLOWERS) {
                continue;
            }
            int returned = 0;
            for (int i = finder.inStart(w); i < finder.inEnd(w); i++) {
                returned += finder.follows(w, finder.inFollower(i)) ? 1 : 0;
            }
            back[w] = returned >= FOLLOW_BACK_SHARE * followers;
        }
        return back;
    }

    /** Sorts account ids by creation time, then by id. */
    private static void byCreation(int[] ids, long[] created) {
        IntArrays.quickSort(ids, (x, y) -> created[x] != created[y] ? Long.compare(created[x], created[y])
                : Integer.compare(x, y));
    }

    private static boolean eligible(DenseBlockFinder finder, long[] created, int v, int minTargets) {
        return created[v] != Long.MIN_VALUE && finder.outDegree(v) >= minTargets;
    }
}
