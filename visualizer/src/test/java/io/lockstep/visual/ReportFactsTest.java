package io.lockstep.visual;

import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityBuilder;
import io.lockstep.activity.PostKind;
import io.lockstep.coordination.AccountVerdict;
import io.lockstep.coordination.Cluster;
import io.lockstep.coordination.CoordinationDetector;
import io.lockstep.coordination.CoordinationEdge;
import io.lockstep.coordination.CoordinationParams;
import io.lockstep.coordination.CoordinationResult;
import io.lockstep.coordination.Evidence;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's sentences from a hand-made activity run through the real detector: a seed account whose posts twenty
 * anonymised bots (created on two consecutive days) retweet within seconds, amid 60 organic accounts retweeting a
 * popular source at random.
 */
class ReportFactsTest {
    static final long T0 = 1_551_398_400L; // 1 Mar 2019 00:00 UTC
    static final long DAY = 86_400;
    static Activity act;
    static CoordinationResult result;
    static ReportFacts facts;
    static final int BOTS = 20;
    static List<String> bots = new ArrayList<>();

    @BeforeAll
    static void detect() {
        Random r = new Random(3);
        ActivityBuilder b = new ActivityBuilder();
        b.account("seed", "news_src", T0 - 900 * DAY, 5000);
        b.account("src", "daily_paper", T0 - 2000 * DAY, 90000);
        for (int i = 0; i < BOTS; i++) {
            String id = "bot" + (char) ('a' + i) + "Zq8+Lk2Ww9PpXx0Yy7Rr5Tt3Uu1Vv6Ss4=";
            bots.add(id);
            b.account(id, id, T0 - 30 * DAY + (i % 2) * DAY, 3);
        }
        for (int i = 0; i < 60; i++) {
            b.account("org" + i, "organic_" + i, T0 - (200 + 37L * i) * DAY, 50);
        }
        int post = 0;
        // background: a popular source retweeted at random by the organic accounts
        for (int i = 0; i < 200; i++) {
            b.addPost("o" + i, "src", T0 + 1500L * i, PostKind.TWEET, null, null, "daily news " + i, List.of("news"), List.of(), List.of());
        }
        for (int a = 0; a < 60; a++) {
            for (int j = 0; j < 8; j++) {
                int i = r.nextInt(200);
                b.addPost("p" + (post++), "org" + a, T0 + 1500L * i + r.nextInt(3000), PostKind.RETWEET, "o" + i, "src", null,
                        List.of("news"), List.of(), List.of());
            }
        }
        // the operation: every seed post retweeted by all bots within half a minute
        for (int k = 0; k < 10; k++) {
            long t = T0 + k * 6 * 3600L + 1800 + r.nextInt(600);
            String original = "s" + k;
            b.addPost(original, "seed", t, PostKind.TWEET, null, null, "breaking story number " + k + " about the vote",
                    List.of("vote"), List.of(), List.of());
            for (String bot : bots) {
                b.addPost("p" + (post++), bot, t + 2 + r.nextInt(25), PostKind.RETWEET, original, "seed", null,
                        List.of("vote"), List.of(), List.of());
            }
        }
        for (int i = 0; i < 600; i++) {
            int tag = r.nextInt(30);
            b.addPost("p" + (post++), "org" + r.nextInt(60), T0 + r.nextInt(3 * 24 * 3600), PostKind.TWEET, null, null,
                    "organic post " + i, List.of(tag == 0 ? "vote" : "tag" + tag), List.of(), List.of());
        }
        act = b.build();
        CoordinationParams params = CoordinationParams.defaults()
                .withSignals(new LinkedHashSet<>(CoordinationParams.ALL_SIGNALS)); // amplified-seed too
        result = new CoordinationDetector(params).run(act, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        facts = new ReportFacts(act, result, params);
    }

    static Cluster botCluster() {
        int bot0 = -1;
        for (int a = 0; a < act.accountCount(); a++) {
            if (act.accountId(a).equals(bots.get(0))) {
                bot0 = a;
            }
        }
        int cluster = result.accounts()[bot0].cluster();
        return result.clusters().stream().filter(c -> c.id() == cluster).findFirst().orElseThrow();
    }

    /**
     * A follow block of ten accounts among 64: "client" is followed by eight of them and three others (8 / 10 of the
     * block against 3 / 54 of the rest: a client), "client2" by six of them and nobody else, "star" by all ten and
     * fifty others (camouflage: 10 / 10 against 50 / 54, lift 1.1), "friend" by two of them. With the follow
     * signal's lift of 4 the clients are client2 and client, the highest lift first; with a lift of 20, client2 alone
     * (client's is 14.4).
     */
    @Test
    void aFollowBlocksClientsAreTheAccountsItsMembersMakeMostOfTheAudienceOf() {
        ActivityBuilder b = new ActivityBuilder();
        for (String id : List.of("client", "client2", "star", "friend")) {
            b.account(id);
        }
        for (int i = 0; i < 10; i++) {
            b.account("m" + i);
            b.addFollow("m" + i, "star");
            if (i < 8) {
                b.addFollow("m" + i, "client");
            }
            if (i < 6) {
                b.addFollow("m" + i, "client2");
            }
            if (i < 2) {
                b.addFollow("m" + i, "friend");
            }
        }
        for (int i = 0; i < 50; i++) {
            b.account("o" + i);
            b.addFollow("o" + i, "star");
            if (i < 3) {
                b.addFollow("o" + i, "client");
            }
        }
        Activity a = b.build();
        int[] members = new int[10];
        for (int i = 0; i < 10; i++) {
            members[i] = b.findAccount("m" + i);
        }
        List<int[]> clients = ReportFacts.clients(a, members, 4);
        assertThat(clients).extracting(c -> a.accountId(c[0])).containsExactly("client2", "client");
        assertThat(clients.get(1)).containsExactly(b.findAccount("client"), 8, 11);
        assertThat(clients.get(0)).containsExactly(b.findAccount("client2"), 6, 6);
        assertThat(ReportFacts.clients(a, members, 20)).extracting(c -> a.accountId(c[0])).containsExactly("client2");
    }

    @Test
    void clusterEvidenceIsSentencesWithExamplesAndReadableNames() {
        Cluster c = botCluster();
        ReportFacts.ClusterFacts f = facts.cluster(c);
        // the bots, and the seed they alone retweet (amplified-seed)
        assertThat(f.members()).extracting(ReportModel.Name::display)
                .contains("botaZq8+…", "news_src")
                .allMatch(n -> n.equals("news_src") || n.startsWith("bot") && n.length() == AccountNames.SHORT + 1);
        String all = String.join("\n", f.evidence());
        assertThat(all).contains("retweeted the same posts within 60 s of each other, typically ", "; e.g. ",
                "a post by @news_src “breaking story number", "were created within 2 days (30 Jan 2019 – 31 Jan 2019).",
                "are seeds and the amplifiers that retweet them: each seed's retweeters are mostly this cluster's "
                        + "amplifiers (100 % or more of them)", "s after the post); e.g. a post by @news_src");
        assertThat(all).doesNotContain(bots.get(0));
    }

    @Test
    void campaignsAreGroupedPerHashtagAndNameTheirFlaggedAccounts() {
        List<ReportModel.Campaign> campaigns = facts.campaigns();
        assertThat(campaigns).isNotEmpty();
        ReportModel.Campaign vote = campaigns.get(0);
        assertThat(vote.hashtag()).isEqualTo("vote");
        assertThat(campaigns.stream().filter(x -> x.hashtag().equals("vote")).count()).isEqualTo(1);
        assertThat(vote.bursts()).hasSize((int) result.campaigns().stream().filter(x -> x.hashtag().equals("vote")).count());
        assertThat(vote.bursts().get(0).seeds()).extracting(ReportModel.Name::display).containsExactly("news_src");
        assertThat(vote.flagged()).isPositive();
        assertThat(vote.clusters()).contains(botCluster().id());
        assertThat(vote.series().posts()).isNotEmpty();
        int coordinated = 0;
        for (int v : vote.series().coordinated()) {
            coordinated += v;
        }
        assertThat(coordinated).isPositive().isLessThanOrEqualTo(vote.posts());
    }

    /**
     * A push: 20 bots post 6 hashtags together within five minutes each; 8 accounts that follow only ordinary
     * accounts post the first of them inside its five minutes; the ordinary accounts take their hashtags up from the
     * one they follow, who posted them first: a hundred of them, 30 each at random over 20 days. The push's sentence names what the participants did and an example hashtag.
     */
    @Test
    void aPushsParticipantsAreDescribedByWhatTheyPostedAndWhen() {
        Random r = new Random(5);
        ActivityBuilder b = new ActivityBuilder();
        int post = 0;
        b.account("org0", "organic_0", T0 - 900 * DAY, 50);
        for (int j = 0; j < 100; j++) {
            b.addPost("t" + (post++), "org0", T0 - DAY + 60L * j, PostKind.TWEET, null, null, "daily",
                    List.of("daily" + j), List.of(), List.of());
        }
        for (int i = 0; i < 40; i++) {
            b.account("org" + i, "organic_" + i, T0 - 900 * DAY, 50);
            if (i > 0) {
                b.addFollow("org" + i, "org0");
            }
            b.addPost("t" + (post++), "org" + i, T0 + i * 3600L, PostKind.TWEET, null, null, "our topic",
                    List.of("topic"), List.of(), List.of());
            for (int j = 0; j < 30; j++) {
                b.addPost("t" + (post++), "org" + i, T0 + r.nextInt((int) (20 * DAY)), PostKind.TWEET, null, null,
                        "daily", List.of("daily" + r.nextInt(100)), List.of(), List.of());
            }
        }
        for (int k = 0; k < 20; k++) {
            b.account("bot" + k, "pusher_" + k, T0 - 30 * DAY, 0);
            for (int h = 0; h < 6; h++) {
                b.addPost("t" + (post++), "bot" + k, T0 + (2 + h) * DAY + (k == 0 ? 0 : k == 1 ? 299 : r.nextInt(300)),
                        PostKind.TWEET, null, null, "slogan", List.of("push" + h), List.of(), List.of());
            }
        }
        for (int k = 0; k < 8; k++) {
            b.account("part" + k, "joiner_" + k, T0 - 30 * DAY, 0);
            b.addFollow("part" + k, "org" + (1 + k));
            b.addPost("t" + (post++), "part" + k, T0 + 2 * DAY + 30 + r.nextInt(240), PostKind.TWEET, null, null,
                    "slogan too", List.of("push0"), List.of(), List.of());
        }
        Activity a = b.build();
        CoordinationParams params = CoordinationParams.defaults();
        CoordinationResult res = new CoordinationDetector(params).run(a, ProgressListener.NONE,
                TerminationFlag.RUNNING_TRUE);
        int part = b.findAccount("part0");
        assertThat(res.accounts()[part].signals()).containsExactly("hashtag-push");
        Cluster c = res.clusters().get(res.accounts()[part].cluster());
        String all = String.join("\n", new ReportFacts(a, res, params).cluster(c).evidence());
        assertThat(all).contains("took part in pushes of hashtags: accounts that posted a hashtag this cluster pushed, "
                + "inside the hours of the push, without following anyone who had used it", "(100 % or more of the "
                + "push's posters outside the cluster had no such route)", "of them posted #push0 within ");
    }

    /**
     * A farm's cluster with members that joined from its creation burst (a result built by hand: the sentence is what
     * is tested, the detection in {@code FarmCohortSignalTest}): the sentence says what marks them and names the
     * account most of them follow.
     */
    @Test
    void aFarmsCohortMembersAreDescribedByTheirBurstAndTheirFollows() {
        ActivityBuilder b = new ActivityBuilder();
        b.account("client", "shop_owner", T0 - 900 * DAY, 500);
        for (int i = 0; i < 6; i++) {
            b.account("f" + i, "farm_" + i, T0 - 100 * DAY, 0);
            b.addFollow("f" + i, "client");
        }
        Activity a = b.build();
        int[] members = new int[6];
        for (int i = 0; i < 6; i++) {
            members[i] = b.findAccount("f" + i);
        }
        java.util.Arrays.sort(members);
        List<CoordinationEdge> edges = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            int lo = Math.min(members[j], members[j + 3]), hi = Math.max(members[j], members[j + 3]);
            edges.add(new CoordinationEdge(lo, hi, "farm-cohort", 0.4, 7 + j,
                    List.of(new Evidence("client", T0 - 100 * DAY, T0 - 100 * DAY))));
        }
        Cluster c = new Cluster(0, "follower-farm", members, 0.7, List.of("lockstep-follow", "farm-cohort"),
                List.of(), T0, T0);
        AccountVerdict[] verdicts = new AccountVerdict[a.accountCount()];
        for (int v = 0; v < verdicts.length; v++) {
            boolean in = java.util.Arrays.binarySearch(members, v) >= 0;
            verdicts[v] = new AccountVerdict(v, in ? 0.7 : 0, in, in ? 0 : -1,
                    in ? List.of("farm-cohort") : List.of());
        }
        CoordinationParams params = CoordinationParams.defaults();
        CoordinationResult res = new CoordinationResult(edges, List.of(c), verdicts, List.of(), params);
        String all = String.join("\n", new ReportFacts(a, res, params).cluster(c).evidence());
        assertThat(all).contains("All 6 members include accounts created in the same burst of sign-ups as this "
                + "farm's flagged accounts, followed by nobody outside that burst", "at least 6 accounts in common",
                "(up to 9)", "e.g. 6 of them follow @shop_owner");
    }

    /**
     * Six accounts devoted to one seed, linked on devoted-retweet edges to the ones they retweeted its posts next to (a
     * result built by hand): the sentence says what they are (accounts that post little but retweets of the same few
     * accounts, which such accounts mostly retweet), the smallest share of the seed's retweeters they make, and an
     * example post with how many of them retweeted it.
     */
    @Test
    void devotedRetweetersAreDescribedByWhatTheyRetweetAndAnExample() {
        ActivityBuilder b = new ActivityBuilder();
        b.account("seed", "news_wire", T0 - 900 * DAY, 40);
        b.addPost("s1", "seed", T0, PostKind.TWEET, null, null, "Breaking: the ballots were burned", List.of(),
                List.of(), List.of());
        for (int i = 0; i < 6; i++) {
            b.account("d" + i, "devoted_" + i, T0 - 30 * DAY, 0);
            b.addPost("rt" + i, "d" + i, T0 + 20 + 5 * i, PostKind.RETWEET, "s1", null, null, List.of(), List.of(),
                    List.of());
        }
        Activity a = b.build();
        int[] members = new int[6];
        for (int i = 0; i < 6; i++) {
            members[i] = b.findAccount("d" + i);
        }
        java.util.Arrays.sort(members);
        List<CoordinationEdge> edges = new ArrayList<>();
        for (int j = 0; j < 5; j++) {
            edges.add(new CoordinationEdge(members[j], members[j + 1], "devoted-retweet", 0.86, 120,
                    List.of(new Evidence("s1", T0 + 20 + 5 * j, T0 + 25 + 5 * j)), 30.0));
        }
        Cluster c = new Cluster(0, "botnet", members, 0.8, List.of("devoted-retweet"), List.of(), T0, T0 + 45);
        AccountVerdict[] verdicts = new AccountVerdict[a.accountCount()];
        for (int v = 0; v < verdicts.length; v++) {
            verdicts[v] = new AccountVerdict(v, 0.8, true, 0, List.of("devoted-retweet"));
        }
        CoordinationParams params = CoordinationParams.defaults();
        CoordinationResult res = new CoordinationResult(edges, List.of(c), verdicts, List.of(), params);
        String all = String.join("\n", new ReportFacts(a, res, params).cluster(c).evidence());
        assertThat(all).contains("All 6 members post almost nothing but retweets of the same few accounts",
                "faster than the archive's other retweeters retweet anyone (86 % or more of those accounts' retweeters)",
                "e.g. a post by @news_wire", "retweeted by 6 of them");
    }

    /**
     * A cluster's batch with two accounts that joined it on creation-cohort edges (a result built by hand): the
     * sentence says what the members share (the batch's days, nobody following them) and names the batch's days.
     */
    @Test
    void aBatchsCohortMembersAreDescribedByTheirBatchsDays() {
        ActivityBuilder b = new ActivityBuilder();
        for (int i = 0; i < 6; i++) {
            b.account("p" + i, "pusher_" + i, T0 + (i % 3) * DAY, 0);
        }
        Activity a = b.build();
        int[] members = new int[6];
        for (int i = 0; i < 6; i++) {
            members[i] = b.findAccount("p" + i);
        }
        java.util.Arrays.sort(members);
        String window = java.time.LocalDate.ofEpochDay(T0 / DAY) + "/" + java.time.LocalDate.ofEpochDay(T0 / DAY + 2);
        List<CoordinationEdge> edges = new ArrayList<>();
        for (int j = 0; j < 2; j++) {
            for (int k = 2; k < 6; k++) {
                edges.add(new CoordinationEdge(members[j], members[k], "creation-cohort", 0.8, 4,
                        List.of(new Evidence(window, a.accountCreated(members[j]), a.accountCreated(members[k])))));
            }
        }
        Cluster c = new Cluster(0, "botnet", members, 0.7, List.of("co-hashtag", "creation-cohort"), List.of(), T0,
                T0);
        AccountVerdict[] verdicts = new AccountVerdict[a.accountCount()];
        for (int v = 0; v < verdicts.length; v++) {
            verdicts[v] = new AccountVerdict(v, 0.7, true, 0, List.of("creation-cohort"));
        }
        CoordinationParams params = CoordinationParams.defaults();
        CoordinationResult res = new CoordinationResult(edges, List.of(c), verdicts, List.of(), params);
        String all = String.join("\n", new ReportFacts(a, res, params).cluster(c).evidence());
        assertThat(all).contains("All 6 members include accounts created in one of this cluster's batches of sign-ups",
                "followed by nobody created outside the batch", "linked to the flagged accounts created nearest to it",
                "e.g. 6 accounts on these links were created between " + window.replace("/", " and ") + ".");
    }

    /**
     * A cluster whose 12 accounts were registered in three batches of four, 200 days apart, in an archive of 500
     * accounts created over ten years (a result built by hand): the sentence counts the batches and names their first
     * and last days; twelve accounts of the archive's own give no sentence.
     */
    @Test
    void aClusterMadeInBatchesSaysSo() {
        ActivityBuilder b = new ActivityBuilder();
        Random r = new Random(3);
        for (int i = 0; i < 500; i++) {
            b.account("a" + i, "user_" + i, T0 - 4_000 * DAY + (long) (r.nextDouble() * 3_650 * DAY), 10);
        }
        for (int i = 0; i < 12; i++) {
            b.account("op" + i, "op_" + i, T0 - 900 * DAY + (i / 4) * 200 * DAY + (i % 4) * 3_600L, 0);
        }
        Activity a = b.build();
        CoordinationParams params = CoordinationParams.defaults();
        int[] op = new int[12];
        int[] crowd = new int[12];
        for (int i = 0; i < 12; i++) {
            op[i] = b.findAccount("op" + i);
            crowd[i] = b.findAccount("a" + (40 * i));
        }
        CoordinationResult res = new CoordinationResult(List.of(), List.of(), new AccountVerdict[0], List.of(), params);
        ReportFacts facts = new ReportFacts(a, res, params);
        String first = ReportFacts.dayRange(T0 - 900 * DAY, T0 - 900 * DAY);
        String last = ReportFacts.dayRange(T0 - 500 * DAY, T0 - 500 * DAY);
        assertThat(facts.creationBurst(op)).isNull();
        assertThat(facts.creationBatches(op)).isEqualTo("All 12 accounts were registered in 3 batches between " + first
                + " and " + last + ": in each, accounts created within 7 days of one another, more than the archive's "
                + "other sign-ups of those days explain.");
        assertThat(facts.creationBatches(crowd)).isNull();
    }
}
