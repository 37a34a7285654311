package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The participants of a hashtag push ({@link HashtagPushSignal}): end to end beside an ordinary community whose
 * hashtags spread along its follows, and the phases (the adoptions, the archive's rate, the test, the cluster each
 * participant joins, the move).
 */
class HashtagPushSignalTest {
    private static final ProgressListener P = ProgressListener.NONE;
    private static final TerminationFlag T = TerminationFlag.RUNNING_TRUE;
    private static final long START = 1_700_000_000L;
    private static final long HOUR = 3_600L;
    private static final long DAY = 86_400L;

    /**
     * 400 ordinary accounts, each following 20 others; 30 community hashtags, each started by one account and taken
     * up over days by accounts that follow an earlier user (each such account with probability 0.3), plus a few
     * accounts that take it up on their own (one in twenty of those who came to it); every ordinary account also
     * posts untagged now and then. A push: 30 core bots post 4 hashtags together, each within the same 10 minutes
     * (found by co-hashtag; the same 30 on each new hashtag, which hashtag-burst's recurrence test finds beyond
     * chance); 60 one-time participants, each following 20 ordinary accounts, post one of those hashtags once,
     * inside its push's 10 minutes. "reader" follows a bot and posts the first pushed hashtag an hour after it did:
     * its route is visible.
     */
    static Timeline world(long seed) {
        Random r = new Random(seed);
        Timeline t = new Timeline();
        int ordinary = 400;
        for (int u = 0; u < ordinary; u++) {
            t.b.account("user" + u, "user" + u, START - 2000 * DAY, 100);
        }
        List<List<Integer>> followees = new ArrayList<>();
        for (int u = 0; u < ordinary; u++) {
            List<Integer> f = new ArrayList<>();
            while (f.size() < 20) {
                int o = r.nextInt(ordinary);
                if (o != u && !f.contains(o)) {
                    f.add(o);
                    t.b.addFollow("user" + u, "user" + o);
                }
            }
            followees.add(f);
        }
        int post = 0;
        for (int h = 0; h < 30; h++) {
            long[] used = new long[ordinary];
            Arrays.fill(used, -1);
            int first = r.nextInt(ordinary);
            used[first] = START + r.nextInt((int) (20 * DAY));
            t.tweet("p" + post++, "user" + first, used[first], "about it #topic" + h, List.of("topic" + h), List.of());
            for (int round = 0; round < 4; round++) {
                for (int u = 0; u < ordinary; u++) {
                    if (used[u] >= 0) {
                        continue;
                    }
                    long heard = Long.MAX_VALUE;
                    for (int o : followees.get(u)) {
                        if (used[o] >= 0) {
                            heard = Math.min(heard, used[o]);
                        }
                    }
                    boolean alone = r.nextDouble() < 0.015;
                    if (heard != Long.MAX_VALUE && r.nextDouble() < 0.3 || alone) {
                        long when = (heard == Long.MAX_VALUE ? used[first] : heard) + HOUR + r.nextInt((int) DAY);
                        used[u] = when;
                        t.tweet("p" + post++, "user" + u, when, "on it #topic" + h, List.of("topic" + h), List.of());
                    }
                }
            }
        }
        for (int u = 0; u < ordinary; u++) {
            for (int j = 0; j < 5; j++) {
                t.tweet("p" + post++, "user" + u, START + r.nextInt((int) (25 * DAY)));
            }
        }
        long[] pushAt = new long[4];
        for (int h = 0; h < 4; h++) {
            pushAt[h] = START + (3 + 4 * h) * DAY + r.nextInt((int) DAY);
        }
        for (int b = 0; b < 30; b++) {
            t.b.account("bot" + b, "bot" + b, START - 30 * DAY, 0);
            for (int h = 0; h < 4; h++) {
                long when = pushAt[h] + (b == 0 ? 0 : b == 1 ? 599 : r.nextInt(600));
                t.tweet("p" + post++, "bot" + b, when, "slogan #push" + h,
                        List.of("push" + h), List.of());
            }
        }
        for (int k = 0; k < 60; k++) {
            t.b.account("part" + k, "part" + k, START - 30 * DAY, 0);
            for (int j = 0; j < 20; j++) {
                t.b.addFollow("part" + k, "user" + r.nextInt(ordinary));
            }
            int h = k % 4;
            t.tweet("p" + post++, "part" + k, pushAt[h] + 60 + r.nextInt(500), "slogan too #push" + h,
                    List.of("push" + h), List.of());
        }
        t.b.account("reader", "reader", START - 900 * DAY, 50);
        t.b.addFollow("reader", "bot0");
        t.b.addFollow("reader", "user1");
        t.tweet("p" + post++, "reader", pushAt[0] + 650, "what is #push0", List.of("push0"), List.of());
        return t;
    }

    @Test
    void endToEndTheParticipantsJoinThePushersClusterAndTheCommunityAndTheReaderDoNot() {
        Timeline t = world(7);
        Activity a = t.build();
        CoordinationParams p = CoordinationParams.defaults()
                .withSignals(Set.of("co-hashtag", "hashtag-burst", "hashtag-push"));
        CoordinationResult r = new CoordinationDetector(p).run(a, P, T);
        int bots = 0, participants = 0, others = 0;
        for (int acc : r.suspiciousAccounts()) {
            String id = a.accountId(acc);
            if (id.startsWith("bot")) {
                bots++;
            } else if (id.startsWith("part")) {
                participants++;
            } else {
                others++;
            }
        }
        assertThat(bots).isEqualTo(30);
        assertThat(participants).isEqualTo(60);
        assertThat(others).as("the community and the reader").isZero();
        int part = t.id("part0");
        AccountVerdict v = r.accounts()[part];
        assertThat(v.signals()).containsExactly("hashtag-push");
        Cluster c = r.clusters().get(v.cluster());
        // co-hashtag may split the bots into more than one cluster: the participant's is one of them
        assertThat(Arrays.stream(c.members()).mapToObj(a::accountId))
                .allSatisfy(id -> assertThat(id).matches("(bot|part)[0-9]+"))
                .anySatisfy(id -> assertThat(id).startsWith("bot"));
        assertThat(c.signals()).containsExactlyInAnyOrder("hashtag-burst", "co-hashtag", "hashtag-push")
                .endsWith("hashtag-push");
        assertThat(v.score()).isEqualTo(c.score());
        List<CoordinationEdge> mine = r.edges().stream()
                .filter(e -> e.signal().equals("hashtag-push") && (e.source() == part || e.target() == part))
                .toList();
        assertThat(mine).hasSize(10).allSatisfy(e -> {
            int other = e.source() == part ? e.target() : e.source();
            assertThat(a.accountId(other)).startsWith("bot");
            assertThat(e.count()).isEqualTo(1);
            assertThat(e.evidence()).singleElement().satisfies(ev -> assertThat(ev.item()).isEqualTo("#push0"));
            assertThat(e.weight()).isGreaterThan(0.9).isLessThanOrEqualTo(1.0);
            assertThat(e.expected()).isNaN();
        });
        assertThat(r.accounts()[t.id("reader")].suspicious()).isFalse();
        assertThat(p.describe()).contains("- hashtag-push: after the verdicts and the seeds", "<= 0.05 / m");
    }

    @Test
    void withoutTheSignalTheOneTimeParticipantsAreMissed() {
        Timeline t = world(7);
        Activity a = t.build();
        CoordinationParams p = CoordinationParams.defaults().withSignals(Set.of("co-hashtag", "hashtag-burst"));
        CoordinationResult r = new CoordinationDetector(p).run(a, P, T);
        assertThat(Arrays.stream(r.suspiciousAccounts()).filter(acc -> a.accountId(acc).startsWith("part")))
                .isEmpty();
    }

    /** a follows b; b posts #x, then a (explained), c without follows (not judged), d following e (unexplained). */
    @Test
    void adoptionsAreFirstUsesInTimeOrderExplainedByAFollowOfAnEarlierAdopter() {
        Timeline t = new Timeline();
        t.accounts("a", "b", "c", "d", "e");
        t.b.addFollow("a", "b");
        t.b.addFollow("d", "e");
        t.b.addFollow("b", "e");
        t.tweet("1", "b", START, "x #x", List.of("x"), List.of());
        t.tweet("2", "a", START + 10, "x #x", List.of("x"), List.of());
        t.tweet("3", "a", START + 20, "x again #x", List.of("x"), List.of());
        t.tweet("4", "c", START + 30, "x #x", List.of("x"), List.of());
        t.retweet("d", START + 40, "1"); // a retweet without hashtags of its own carries its original's
        Activity act = t.build();
        HashtagPushSignal.Adoptions ad = HashtagPushSignal.Adoptions.of(act);
        int x = 0;
        assertThat(act.hashtag(x)).isEqualTo("x");
        int from = ad.start()[x], to = ad.start()[x + 1];
        assertThat(to - from).isEqualTo(4);
        assertThat(Arrays.copyOfRange(ad.account(), from, to))
                .containsExactly(t.id("b"), t.id("a"), t.id("c"), t.id("d"));
        assertThat(Arrays.copyOfRange(ad.explained(), from, to)).containsExactly(false, true, false, false);
        assertThat(Arrays.copyOfRange(ad.judged(), from, to)).containsExactly(true, true, false, true);
        // the rates leave out the first adopter (b) and the unjudged (c): a explained at rank 1, d not at rank 3
        double[] rates = HashtagPushSignal.unexplainedRates(ad, new boolean[5]);
        assertThat(rates[0]).isEqualTo(0.0);
        assertThat(rates[1]).isEqualTo(1.0);
        assertThat(rates[2]).as("a bin without adoptions: the rate over all ranks").isEqualTo(0.5);
        boolean[] flagged = new boolean[5];
        flagged[t.id("d")] = true;
        assertThat(HashtagPushSignal.unexplainedRates(ad, flagged)[1]).isEqualTo(0.0);
        assertThat(HashtagPushSignal.rankBin(1)).isZero();
        assertThat(HashtagPushSignal.rankBin(3)).isEqualTo(1);
        assertThat(HashtagPushSignal.rankBin(4)).isEqualTo(2);
        assertThat(HashtagPushSignal.rankBin(255)).isEqualTo(7);
    }

    @Test
    void noFollowsInTheArchiveJudgesNothingAndFindsNoPush() {
        Timeline t = world(7);
        Activity a = t.build();
        Timeline bare = new Timeline();
        for (int p = 0; p < a.postCount(); p++) {
            List<String> tags = new ArrayList<>();
            for (int i = 0; i < a.hashtagCount(p); i++) {
                tags.add(a.hashtag(a.hashtagOf(p, i)));
            }
            bare.tweet(a.postId(p), a.accountId(a.author(p)), a.time(p), "t", tags, List.of());
        }
        Activity noFollows = bare.build();
        HashtagPushSignal.Adoptions ad = HashtagPushSignal.Adoptions.of(noFollows);
        assertThat(HashtagPushSignal.unexplainedRates(ad, new boolean[noFollows.accountCount()])).isNull();
        boolean[] flagged = new boolean[noFollows.accountCount()];
        for (int b = 0; b < 30; b++) {
            flagged[bare.id("bot" + b)] = true;
        }
        assertThat(HashtagPushSignal.pushes(ad, flagged, flagged, verdicts(flagged, 0))).isEmpty();
    }

    /**
     * The test, with the bots flagged by hand: each of the 4 pushes passes with its 15 participants; a core spread
     * over more than a day is not a push; a hashtag whose adoptions outside the window are as unexplained as inside
     * is not one either.
     */
    @Test
    void aPushIsACoreWithinADayWhoseWindowHoldsMoreUnexplainedAdoptionsThanTheRatesExplain() {
        Timeline t = world(7);
        Activity a = t.build();
        boolean[] flagged = new boolean[a.accountCount()];
        for (int b = 0; b < 30; b++) {
            flagged[t.id("bot" + b)] = true;
        }
        HashtagPushSignal.Adoptions ad = HashtagPushSignal.Adoptions.of(a);
        double[] rates = HashtagPushSignal.unexplainedRates(ad, flagged);
        assertThat(rates[0]).as("rank 1: the second adopter").isGreaterThan(rates[4]); // ranks 16-31
        assertThat(rates[4]).isLessThan(0.2);
        List<HashtagPushSignal.Push> pushes = HashtagPushSignal.pushes(ad, flagged, flagged, verdicts(flagged, 0));
        assertThat(pushes).hasSize(4).allSatisfy(push -> {
            assertThat(a.hashtag(push.hashtag())).startsWith("push");
            assertThat(push.core()).hasSize(30);
            assertThat(Arrays.stream(push.participants()).mapToObj(a::accountId)).hasSize(15)
                    .allSatisfy(id -> assertThat(id).startsWith("part"));
            assertThat(push.to() - push.from()).isLessThan(600);
            assertThat(push.cluster()).isZero();
        });
        // the reader (explained) is no participant
        assertThat(pushes.get(0).participants()).doesNotContain(t.id("reader"));

        // the same bots posting each pushed hashtag over two days: not a push
        Timeline slow = new Timeline();
        copyWithBotsSpread(a, slow, 2 * DAY);
        Activity s = slow.build();
        boolean[] slowFlagged = new boolean[s.accountCount()];
        for (int b = 0; b < 30; b++) {
            slowFlagged[slow.id("bot" + b)] = true;
        }
        assertThat(HashtagPushSignal.pushes(HashtagPushSignal.Adoptions.of(s), slowFlagged, slowFlagged,
                verdicts(slowFlagged, 0))).isEmpty();

        // 60 accounts more that take #push0 up on their own the week after: its own rate outside the window is high
        Timeline event = new Timeline();
        copyWithBotsSpread(a, event, 0);
        for (int k = 0; k < 60; k++) {
            event.b.addFollow("late" + k, "user" + k);
            event.tweet("late-" + k, "late" + k, START + 30 * DAY + k * HOUR, "late #push0", List.of("push0"),
                    List.of());
        }
        Activity e = event.build();
        boolean[] eventFlagged = new boolean[e.accountCount()];
        for (int b = 0; b < 30; b++) {
            eventFlagged[event.id("bot" + b)] = true;
        }
        List<HashtagPushSignal.Push> eventPushes = HashtagPushSignal.pushes(HashtagPushSignal.Adoptions.of(e),
                eventFlagged, eventFlagged, verdicts(eventFlagged, 0));
        assertThat(eventPushes).hasSize(3)
                .noneMatch(push -> e.hashtag(push.hashtag()).equals("push0"));
    }

    /**
     * Bots that join a hashtag hours after 40 accounts started it did not push it: more of its adoptions fall before
     * their window than inside it. The same hashtag started by the bots is born in their window.
     */
    @Test
    void aHashtagStartedBeforeTheCoresWindowIsNotItsPush() {
        Timeline t = new Timeline();
        for (int k = 0; k < 40; k++) {
            t.tweet("early" + k, "early" + k, START + k * 60, "news #trend", List.of("trend"), List.of());
        }
        for (int b = 0; b < 5; b++) {
            t.tweet("bot" + b, "bot" + b, START + 3 * HOUR + b * 60, "join #trend", List.of("trend"), List.of());
        }
        for (int k = 0; k < 10; k++) {
            t.tweet("late" + k, "late" + k, START + 3 * HOUR + k * 20, "me too #trend", List.of("trend"), List.of());
        }
        HashtagPushSignal.Adoptions a = HashtagPushSignal.Adoptions.of(t.build());
        long from = START + 3 * HOUR, to = START + 3 * HOUR + 240;
        assertThat(HashtagPushSignal.bornIn(a, 0, from, to)).isFalse(); // 40 before, 15 inside
        assertThat(HashtagPushSignal.bornIn(a, 0, START, START + 39 * 60)).isTrue(); // the first 40 minutes
    }

    /**
     * The core is the flagged accounts flagged for using hashtags together whose edges are evidence against chance:
     * the same bots flagged on co-link edges alone push nothing; on co-hashtag edges beyond chance, the 60
     * participants join their cluster; on co-hashtag edges chance explains (a clique flagged on its profile alone),
     * nobody does.
     */
    @Test
    void theCoreIsAccountsFlaggedForUsingHashtagsTogetherWhoseEdgesAreEvidenceAgainstChance() {
        Timeline t = world(7);
        Activity a = t.build();
        boolean[] flagged = new boolean[a.accountCount()];
        int[] bots = new int[30];
        for (int b = 0; b < 30; b++) {
            bots[b] = t.id("bot" + b);
            flagged[bots[b]] = true;
        }
        Arrays.sort(bots);
        List<Cluster> clusters = List.of(new Cluster(0, "botnet", bots, 0.9, List.of("co-hashtag"), List.of(), 0, 0));
        AccountVerdict[] verdicts = verdicts(flagged, 0);
        HashtagPushSignal signal = new HashtagPushSignal(CoordinationParams.defaults());
        // each pair 3 shared hashtags: against 1e-3 expected (p ~ 2e-10), or against 2.5 (p ~ 0.46, chance)
        for (String s : List.of("co-link", "co-hashtag", "co-hashtag by chance")) {
            double expected = s.endsWith("by chance") ? 2.5 : 1e-3;
            List<CoordinationEdge> edges = new ArrayList<>();
            for (int b = 1; b < 30; b++) {
                edges.add(new CoordinationEdge(Math.min(bots[0], bots[b]), Math.max(bots[0], bots[b]),
                        s.split(" ")[0], 1.0, 3, List.of(), expected));
            }
            Joined j = signal.run(a, edges, clusters, verdicts, 0.5, T);
            assertThat(j.accounts()).as(s).hasSize(s.equals("co-hashtag") ? 60 : 0);
            if (s.equals("co-hashtag")) {
                assertThat(j.clusters().get(0).members()).hasSize(90);
                assertThat(j.verdicts()[t.id("part7")].suspicious()).isTrue();
                assertThat(j.edges()).hasSize(600);
            }
        }
    }

    /**
     * 30 news hashtags, each taken up in its first two hours by 8 accounts on their own (they follow nobody who used
     * it) and then over days by 60 accounts that follow one of those 8: a hashtag's early adopters are unexplained,
     * its later ones explained, as on the platform. The first, fourth and eighth adopters of one of them flagged as
     * pushers (an honest trio flagged by mistake): against the archive's rate over all ranks (about 0.1) the five other
     * early adopters inside their window would be a push (p ≈ 2e-4); against the rates of the same ranks they are
     * what early adopters always are.
     */
    @Test
    void aHashtagsEarlyAdoptersAreComparedWithOtherHashtagsEarlyAdopters() {
        Random r = new Random(11);
        Timeline t = new Timeline();
        for (int h = 0; h < 30; h++) {
            long born = START + h * DAY;
            for (int k = 0; k < 8; k++) {
                String early = "early" + h + "-" + k;
                t.b.addFollow(early, "nobody");
                t.tweet("e" + h + "-" + k, early, born + k * 900L, "news #news" + h, List.of("news" + h),
                        List.of());
            }
            for (int k = 0; k < 60; k++) {
                String late = "late" + h + "-" + k;
                t.b.addFollow(late, "early" + h + "-" + r.nextInt(8));
                t.tweet("l" + h + "-" + k, late, born + 3 * HOUR + r.nextInt((int) (3 * DAY)), "me too #news" + h,
                        List.of("news" + h), List.of());
            }
        }
        Activity a = t.build();
        HashtagPushSignal.Adoptions ad = HashtagPushSignal.Adoptions.of(a);
        boolean[] flagged = new boolean[a.accountCount()];
        for (int k : new int[]{0, 3, 7}) {
            flagged[t.id("early0-" + k)] = true;
        }
        double[] rates = HashtagPushSignal.unexplainedRates(ad, flagged);
        assertThat(rates[0]).isEqualTo(1.0); // rank 1: the second adopter
        assertThat(rates[2]).isEqualTo(1.0); // ranks 4-7
        assertThat(rates[4]).isZero(); // ranks 16-31
        assertThat(HashtagPushSignal.pushes(ad, flagged, flagged, verdicts(flagged, 0))).isEmpty();
        // what the rate over all ranks would say of the five
        long judged = 0, unexplained = 0;
        for (int i = 0; i < ad.account().length; i++) {
            if (ad.judged()[i] && !flagged[ad.account()[i]] && !isFirst(ad, i)) {
                judged++;
                unexplained += ad.explained()[i] ? 0 : 1;
            }
        }
        double overall = (double) unexplained / judged;
        assertThat(overall).isBetween(0.05, 0.15);
        assertThat(PoissonTail.upper(5, 5 * overall)).isLessThan(0.05);
    }

    private static boolean isFirst(HashtagPushSignal.Adoptions ad, int i) {
        for (int h = 0; h < ad.hashtags(); h++) {
            if (ad.start()[h] == i) {
                return true;
            }
        }
        return false;
    }

    /** A participant of pushes held by two clusters joins the one holding most of them, the lower id on a tie. */
    @Test
    void aParticipantJoinsTheClusterOfMostOfItsPushes() {
        List<HashtagPushSignal.Push> pushes = List.of(
                new HashtagPushSignal.Push(0, 0, 10, 2, new int[]{0, 1, 2}, new int[]{5, 6}, 1.0),
                new HashtagPushSignal.Push(1, 0, 10, 1, new int[]{3, 4}, new int[]{6, 7}, 1.0),
                new HashtagPushSignal.Push(2, 0, 10, 1, new int[]{3, 4}, new int[]{7}, 1.0));
        int[] joins = new int[8];
        Arrays.fill(joins, -1);
        int[] participants = HashtagPushSignal.joined(pushes, 8, 3, joins);
        assertThat(participants).containsExactly(5, 6, 7);
        assertThat(joins[5]).isEqualTo(2);
        assertThat(joins[6]).isEqualTo(1); // one push of each: the lower id
        assertThat(joins[7]).isEqualTo(1);
    }

    /** A joining account leaves its old cluster and enters the new one, whose signals gain the signal, last. */
    @Test
    void joinedMovesAccountsBetweenClustersKeepingIdsScoresAndKinds() {
        List<Cluster> clusters = List.of(
                new Cluster(0, "botnet", new int[]{0, 1, 2}, 0.8, List.of("co-hashtag"), List.of("x"), 1, 2),
                new Cluster(1, "mixed", new int[]{3, 4, 5}, 0.3, List.of("co-text"), List.of(), 1, 2));
        AccountVerdict[] verdicts = new AccountVerdict[7];
        for (int i = 0; i < 7; i++) {
            int c = i < 3 ? 0 : i < 6 ? 1 : -1;
            verdicts[i] = new AccountVerdict(i, c == 0 ? 0.8 : c == 1 ? 0.3 : 0, c == 0, c, List.of());
        }
        int[] into = {-1, -1, -1, -1, 0, -1, 0};
        List<Cluster> out = VerdictPhase.joined(clusters, new int[]{4, 6}, into, verdicts, "hashtag-push");
        assertThat(out.get(0).members()).containsExactly(0, 1, 2, 4, 6);
        assertThat(out.get(0).signals()).containsExactly("co-hashtag", "hashtag-push");
        assertThat(out.get(0).score()).isEqualTo(0.8);
        assertThat(out.get(1).members()).containsExactly(3, 5);
        assertThat(out.get(1).signals()).containsExactly("co-text");
        assertThat(out.get(1).kind()).isEqualTo("mixed");
    }

    @Test
    void joinedDropsAClusterEveryMemberLeftAndNumbersTheRestDown() {
        // cluster 1's two members both join cluster 0: cluster 1 is gone and cluster 2 becomes 1
        List<Cluster> clusters = List.of(
                new Cluster(0, "botnet", new int[]{0, 1, 2}, 0.8, List.of("co-retweet"), List.of(), 1, 2),
                new Cluster(1, "botnet", new int[]{3, 4}, 0.4, List.of("co-hashtag"), List.of(), 1, 2),
                new Cluster(2, "copypasta", new int[]{5, 6, 7}, 0.2, List.of("co-text"), List.of(), 1, 2));
        AccountVerdict[] verdicts = new AccountVerdict[8];
        for (int i = 0; i < 8; i++) {
            int c = i < 3 ? 0 : i < 5 ? 1 : 2;
            verdicts[i] = new AccountVerdict(i, clusters.get(c).score(), c == 0, c, List.of());
        }
        int[] into = {-1, -1, -1, 0, 0, -1, -1, -1};
        List<Cluster> out = VerdictPhase.joined(clusters, new int[]{3, 4}, into, verdicts, "amplified-seed");
        assertThat(out).hasSize(2);
        assertThat(out.get(0).id()).isZero();
        assertThat(out.get(0).members()).containsExactly(0, 1, 2, 3, 4);
        assertThat(out.get(1).id()).isEqualTo(1);
        assertThat(out.get(1).members()).containsExactly(5, 6, 7);
        assertThat(out.get(1).kind()).isEqualTo("copypasta");
        AccountVerdict[] after = VerdictPhase.run(8, List.of(), out, 0.5);
        assertThat(after[6].cluster()).isEqualTo(1);
        assertThat(after[6].score()).isEqualTo(0.2);
        assertThat(after[3].suspicious()).isTrue();
    }

    /** Verdicts with every flagged account in {@code cluster}. */
    private static AccountVerdict[] verdicts(boolean[] flagged, int cluster) {
        AccountVerdict[] v = new AccountVerdict[flagged.length];
        for (int i = 0; i < flagged.length; i++) {
            v[i] = new AccountVerdict(i, flagged[i] ? 0.9 : 0, flagged[i], flagged[i] ? cluster : -1, List.of());
        }
        return v;
    }

    /** {@code a}'s follows and posts into {@code into}, each bot's post of a pushed hashtag moved by up to spread. */
    private static void copyWithBotsSpread(Activity a, Timeline into, long spread) {
        Random r = new Random(3);
        for (int f = 0; f < a.followCount(); f++) {
            into.b.addFollow(a.accountId(a.follower(f)), a.accountId(a.followee(f)));
        }
        for (int p = 0; p < a.postCount(); p++) {
            List<String> tags = new ArrayList<>();
            for (int i = 0; i < a.hashtagCount(p); i++) {
                tags.add(a.hashtag(a.hashtagOf(p, i)));
            }
            String author = a.accountId(a.author(p));
            long when = a.time(p);
            if (author.startsWith("bot") && spread > 0) {
                when += (long) (r.nextDouble() * spread);
            }
            into.tweet(a.postId(p), author, when, "t", tags, List.of());
        }
    }
}
