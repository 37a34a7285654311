package io.lockstep.coordination;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Every coordination signal, in canonical order, with what the rest of the detector needs to know about it: its name
 * as written to outputs, the kind of cluster it points to, its time window, how to build it and how to describe its
 * settings. The one place a signal is declared: {@link CoordinationParams#ALL_SIGNALS}, {@link CoordinationDetector},
 * {@link ClusterScorer}, {@link CoordinationParams#describe()} and the report's thresholds read it.
 */
public enum Signal {
    CO_RETWEET(CoordinationSignal.CO_RETWEET, "botnet", p -> p.coRetweet().window(), CoRetweetSignal::new,
            p -> coAction(p.coRetweet(), "retweets of the same original")),
    CO_HASHTAG(CoordinationSignal.CO_HASHTAG, "botnet", p -> p.coHashtag().window(), CoHashtagSignal::new,
            p -> coAction(p.coHashtag(), "posts with the same hashtag")),
    HASHTAG_SEQUENCE(CoordinationSignal.HASHTAG_SEQUENCE, "botnet", p -> p.sequence().window(),
            HashtagSequenceSignal::new,
            p -> coAction(p.sequence(), "posts with the same ordered sequence of at least two hashtags")),
    HASHTAG_BURST(CoordinationSignal.HASHTAG_BURST, "botnet", p -> p.hashtagBurst().window(),
            HashtagBurstSignal::new,
            p -> coAction(p.hashtagBurst(), "posts with the same short-lived hashtag (used by at most "
                    + CoActionScanner.MAX_ITEM_ACCOUNTS + " accounts, half of its uses within the window of the "
                    + "first); a pair's uses that a visible source explains do not count (both follow, or retweeted "
                    + "the hashtag from, an account that used it and that half of its other users follow or "
                    + "retweeted on it, or an account half of its users follow beyond its share of followers in "
                    + "the archive); pairs tested against the volume model only")),
    CO_LINK(CoordinationSignal.CO_LINK, "link-ring", p -> p.coLink().window(), CoLinkSignal::new,
            p -> coAction(p.coLink(),
                    "posts with the same URL (normalised: scheme, www., trailing slash and utm_* dropped)")),
    CO_LINK_SLOW(CoordinationSignal.CO_LINK_SLOW, "link-ring", p -> p.coLinkSlow().window(), SlowCoLinkSignal::new,
            p -> coAction(p.coLinkSlow(), "posts with the same URL (normalised as co-link), the URL shared by at most "
                    + CoActionScanner.MAX_ITEM_ACCOUNTS + " accounts; a pair's shares of a URL whose first poster both "
                    + "accounts share at least " + p.coLinkSlow().minShared() + " URLs of do not count (an audience "
                    + "of a common source)")),
    CO_TEXT(CoordinationSignal.CO_TEXT, "copypasta", p -> p.coText().window(), CoTextSignal::new,
            p -> coAction(p.coText(), String.format(Locale.ROOT, "near-duplicate texts (MinHash over %d-word "
                            + "shingles, %d bands x %d rows, estimated Jaccard >= %.2f, texts of >= %d words; copies "
                            + "of a visible common source, such as an outlet's headline, discounted unless they fall "
                            + "within %d s of each other more often than other sources' copies and their own pace "
                            + "allow)",
                    p.text().shingle(), p.text().bands(), p.text().rows(), p.text().minJaccard(),
                    p.text().minTokens(), p.coRetweet().window()))),
    FAST_RETWEET(CoordinationSignal.FAST_RETWEET, "botnet", p -> p.fastRetweet().maxDelay(), FastRetweetSignal::new,
            p -> String.format(Locale.ROOT, "at least %d retweets of the same source account within %d s of the "
                            + "original, being at least %.0f%% of the account's retweets of that source, of a source "
                            + "retweeted that fast more often than the other sources (Poisson p <= %s)",
                    p.fastRetweet().minCount(), p.fastRetweet().maxDelay(), 100 * p.fastRetweet().minShare(),
                    p.fastRetweet().maxPValue())),
    CO_REPLY(CoordinationSignal.CO_REPLY, "botnet", p -> p.coReply().window(), CoReplySignal::new,
            p -> coAction(p.coReply(), "replies to the same post")),
    DEVOTED_RETWEET(CoordinationSignal.DEVOTED_RETWEET, "botnet", p -> p.coRetweet().window(),
            DevotedRetweetSignal::new, Signal::describeDevoted),
    LOCKSTEP_FOLLOW(CoordinationSignal.LOCKSTEP_FOLLOW, "follower-farm", p -> 0L, LockstepFollowSignal::new,
            Signal::describeFollow),
    /** Read after the verdicts ({@link AmplifiedSeedSignal}): {@link CoordinationDetector#assemble} runs it. */
    AMPLIFIED_SEED(CoordinationSignal.AMPLIFIED_SEED, "botnet", AmplifiedSeedSignal::new, Signal::describeSeeds),
    /** Read after the verdicts and the seeds ({@link HashtagPushSignal}): {@link CoordinationDetector#assemble} runs it. */
    HASHTAG_PUSH(CoordinationSignal.HASHTAG_PUSH, "botnet", HashtagPushSignal::new, Signal::describePush),
    /** Read after the pushes ({@link FarmCohortSignal}): {@link CoordinationDetector#assemble} runs it. */
    FARM_COHORT(CoordinationSignal.FARM_COHORT, "follower-farm", FarmCohortSignal::new, Signal::describeCohort),
    /**
     * Read last, after the farms' cohorts ({@link CreationCohortSignal}): {@link CoordinationDetector#assemble} runs it.
     * It joins clusters of any kind.
     */
    CREATION_COHORT(CoordinationSignal.CREATION_COHORT, "mixed", CreationCohortSignal::new,
            Signal::describeCreationCohort);

    private final String id;
    private final String kind;
    private final ToLongFunction<CoordinationParams> window;
    private final Function<CoordinationParams, CoordinationSignal> factory;
    private final Function<CoordinationParams, String> description;
    private final Function<CoordinationParams, JoiningSignal> joining;

    Signal(String id, String kind, ToLongFunction<CoordinationParams> window,
           Function<CoordinationParams, CoordinationSignal> factory, Function<CoordinationParams, String> description) {
        this.id = id;
        this.kind = kind;
        this.window = window;
        this.factory = factory;
        this.description = description;
        this.joining = null;
    }

    /** A signal that reads the verdicts: no {@link CoordinationSignal} to create, no time window. */
    Signal(String id, String kind, Function<CoordinationParams, JoiningSignal> joining,
           Function<CoordinationParams, String> description) {
        this.id = id;
        this.kind = kind;
        this.window = p -> 0L;
        this.factory = null;
        this.description = description;
        this.joining = joining;
    }

    /** The name written to outputs, e.g. {@code co-retweet}. */
    public String id() {
        return id;
    }

    /**
     * Whether the signal's edges carry the co-action null model's expectation ({@link CoordinationEdge#expected}):
     * every signal but fast-retweet (a test of the source's audience), devoted-retweet (its edges carry the
     * expectation of its source's test, read in the pair family without enlarging it), lockstep-follow (a test of
     * the block),
     * amplified-seed (a test of the seed's audience), hashtag-push (a test of the push's adopters), farm-cohort (a
     * test of the creation burst's accounts) and creation-cohort (a test of the batch's accounts).
     */
    public boolean pairNullModel() {
        return this != FAST_RETWEET && this != DEVOTED_RETWEET && this != LOCKSTEP_FOLLOW && !afterVerdicts();
    }

    /**
     * Whether the signal reads the verdicts of the others (amplified-seed, hashtag-push, farm-cohort,
     * creation-cohort):
     * {@link CoordinationDetector#assemble} runs it after {@link VerdictPhase}, and it has no
     * {@link CoordinationSignal} to {@link #create}.
     */
    public boolean afterVerdicts() {
        return factory == null;
    }

    /** The kind of cluster this signal's edges point to ({@link Cluster#kind()}). */
    public String kind() {
        return kind;
    }

    /** The time window (seconds) of the synchrony its evidence carries; 0 for evidence without action times. */
    public long window(CoordinationParams params) {
        return window.applyAsLong(params);
    }

    /** Builds the signal with {@code params}. */
    public CoordinationSignal create(CoordinationParams params) {
        if (afterVerdicts()) {
            throw new IllegalStateException(id + " reads the verdicts: CoordinationDetector.assemble runs it");
        }
        return factory.apply(params);
    }

    /** Builds the signal that reads the verdicts ({@link #afterVerdicts()}) with {@code params}. */
    public JoiningSignal joining(CoordinationParams params) {
        if (!afterVerdicts()) {
            throw new IllegalStateException(id + " reads the activity: create it");
        }
        return joining.apply(params);
    }

    /** One line of method text with the settings in {@code params}. */
    public String describe(CoordinationParams params) {
        return description.apply(params);
    }

    /** The signal named {@code id}. */
    public static Signal of(String id) {
        for (Signal s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown signal '" + id + "'; known: " + ids());
    }

    /** All names, in canonical order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Signal::id).toList();
    }

    private static String coAction(CoordinationParams.CoAction p, String what) {
        return String.format(Locale.ROOT, "%s within %d s, at least %d shared, cosine >= %.2f, p <= %.0e", what,
                p.window(), p.minShared(), p.minSimilarity(), p.maxPValue());
    }

    private static String describeDevoted(CoordinationParams p) {
        return String.format(Locale.ROOT, "the accounts devoted to a source (at least %d retweets of others, at least "
                        + "%.0f%% of their posts, at least %.0f%% of them to their %d most retweeted sources, each "
                        + "retweeted at least %d times) when they "
                        + "are at least %d and more than half of its distinct retweeters, it follows back fewer than "
                        + "half of them, and they retweet it within %d s of the original more often than the accounts "
                        + "devoted to nobody retweet anyone (P(Poisson(T b) >= F) <= %.2f / m, m the accounts with two "
                        + "retweeters or more; Keller et al. 2020, Mazza et al. 2019), read only when more than half "
                        + "of the accounts devoted to nobody that retweeted another also posted something else (an "
                        + "archive of timelines, not of retweets alone); each linked to the %d devoted retweeters it "
                        + "most often retweeted the source's posts next to",
                DevotedRetweetSignal.MIN_RETWEETS, 100 * DevotedRetweetSignal.SHARE,
                100 * DevotedRetweetSignal.SHARE, DevotedRetweetSignal.TOP_SOURCES, DevotedRetweetSignal.MIN_REPEATS,
                DevotedRetweetSignal.MIN_DEVOTED,
                p.coRetweet().window(), DevotedRetweetSignal.LEVEL,
                Math.min(DevotedRetweetSignal.MAX_PARTNERS, p.cluster().partners()));
    }

    private static String describeSeeds(CoordinationParams p) {
        return String.format(Locale.ROOT, "after the verdicts, an account that is not flagged joins the cluster of "
                        + "the amplifiers (flagged accounts on a co-retweet, fast-retweet or devoted-retweet edge) "
                        + "that retweeted it when they are a majority of its distinct retweeters, beyond their share f of all accounts "
                        + "that retweeted another (P(Poisson(R f) >= A) <= %.2f / m, m the accounts retweeted; "
                        + "Keller et al. 2020, the seeds of a retweet botnet), and when more than half of those "
                        + "amplifiers each retweeted at least two of its posts, more than its own retweet volume "
                        + "spread over the retweeted posts explains (P(Poisson(T N / P) >= k) <= %.2f / q, q the "
                        + "pairs tested), unless it is the client of a follower farm (more than half of the follow "
                        + "block that amplifies it follows it, and devoted-retweet's test does not find its audience "
                        + "devoted to it); each seed linked to its %d amplifiers that retweeted "
                        + "the most of its posts (weight: the amplifiers' share of its retweeters)",
                AmplifiedSeedSignal.LEVEL, AmplifiedSeedSignal.LEVEL,
                Math.min(AmplifiedSeedSignal.MAX_PARTNERS, p.cluster().partners()));
    }

    private static String describePush(CoordinationParams p) {
        return String.format(Locale.ROOT, "after the verdicts and the seeds, an account that is not flagged joins a "
                        + "push of a hashtag (at least %d accounts flagged for using hashtags together, on co-hashtag, "
                        + "hashtag-burst or hashtag-sequence edges, whose edges are evidence against chance as in the "
                        + "cluster score's significance, adopted it, all within %d h of each other, and no more of its adoptions fall before their "
                        + "window than inside it) "
                        + "when it adopted the hashtag inside the push's window without a visible route to it (it "
                        + "follows no account that used the hashtag before it; accounts without follows in the archive "
                        + "are not judged), and the push's window holds more such adoptions by accounts not flagged "
                        + "than the archive's rates of unexplained adoptions at the same ranks (earlier adopters, in "
                        + "bins 1, 2-3, 4-7, ...), or the hashtag's own outside the window, explain "
                        + "(P(Poisson(lambda) >= U) <= %.2f / m, m the hashtags tested; Elmas et al. 2021, "
                        + "ephemeral astroturfing; Romero et al. 2011, hashtags spread along follows); it joins the "
                        + "cluster holding most of those accounts, linked to the %d of them that "
                        + "adopted its pushed hashtags nearest its own adoptions (weight: U / N)",
                HashtagPushSignal.MIN_CORE, HashtagPushSignal.MAX_SPAN / 3600, HashtagPushSignal.LEVEL,
                Math.min(HashtagPushSignal.MAX_PARTNERS, p.cluster().partners()));
    }

    private static String describeCohort(CoordinationParams p) {
        CoordinationParams.FollowParams f = p.follow();
        return String.format(Locale.ROOT, "after the verdicts, the seeds and the pushes, an account that is not "
                        + "flagged joins a follower farm when it was created in the farm's creation burst (a span of %d "
                        + "days holding at least %d accounts flagged on lockstep-follow edges) between the first and "
                        + "the last creation of the farm's flagged accounts, no account outside the burst chose to "
                        + "follow it (a follow-back account, one that follows back at least %.0f%% of its %d or more "
                        + "followers, chose nothing by following back), and it follows one of the farm's targets "
                        + "(followed by at least %.0f%% of those flagged accounts, at least %.0f times as often as by "
                        + "the rest of the archive), and when "
                        + "the burst holds more such accounts than the accounts created in the %d spans either side of "
                        + "it explain (P(Poisson(lambda) >= U) <= %.2f / m; Cresci et al. 2015, fake followers are "
                        + "followed by nobody); it joins the cluster holding most of the farm's flagged accounts in "
                        + "the burst, linked to the %d of them most similar on those targets (weight: Jaccard); the "
                        + "same test is then read on each farm's creation window (the creation span of a cluster's "
                        + "accounts flagged on lockstep-follow edges, widened by the burst's span either side), when "
                        + "at least as many accounts were created around the window as in it, and on the longest run "
                        + "of those creations no more than the burst's span apart (when it holds at least %d of them "
                        + "and is not the whole span), widened the same way, when that window holds at most half of "
                        + "the archive's accounts that follow others and its marked share is at least %.0f times its "
                        + "background's rate and the archive's; the span's window is read under these conditions too "
                        + "when no creation "
                        + "burst with fewer than %d such accounts (a sign-up wave) lies in it (m counts the bursts "
                        + "tested and every farm's window, read or not); then "
                        + "an account that is not flagged joins a cluster of at least %d "
                        + "accounts flagged on lockstep-follow edges when it follows one of them and one of them "
                        + "follows it, nobody outside the cluster and such accounts follows it, at least half of the "
                        + "cluster's accounts are followed by nobody outside them either (a farm's own audience), it "
                        + "was created between the first "
                        + "and the last creation of the cluster's accounts, and it follows at least %d of the same "
                        + "accounts as one of them; for the same clusters, so does an account created in that span "
                        + "that the cluster's accounts reach by follows through such accounts, followed by nobody "
                        + "but flagged accounts and such accounts, that follows as many of the same accounts",
                f.creationBurst() / 86_400, f.minFollowers(), 100 * BoughtAudiences.FOLLOW_BACK_SHARE,
                BoughtAudiences.FOLLOW_BACK_FOLLOWERS, 100 * f.minDensity(), f.minLift(),
                FarmCohortSignal.BACKGROUND_SPANS, FarmCohortSignal.LEVEL,
                Math.min(FarmCohortSignal.MAX_PARTNERS, p.cluster().partners()), f.minFollowers(), f.minLift(),
                f.minFollowers(), f.minFollowers(), f.minTargets());
    }

    private static String describeCreationCohort(CoordinationParams p) {
        return String.format(Locale.ROOT, "last, an account that is not flagged joins a cluster when it was created "
                        + "in one of the cluster's batches (a run of at least %d of its flagged accounts' creations, "
                        + "each within %d days of the one before, from the first to the last of them), the batch's "
                        + "accounts not flagged are no more than the cluster's accounts in it, no account created "
                        + "outside the batch chose to follow it (a follow-back account's follow, answering its own, "
                        + "chose nothing), and the batch holds more such accounts than the accounts "
                        + "created in the %d spans either side explain, at least %.0f times their rate and the "
                        + "archive's (P(Poisson(lambda) >= U) <= %.2f / m, m the batches; Cresci et al. 2017, "
                        + "operations register their accounts in batches; Cresci et al. 2015, fake accounts are "
                        + "followed by nobody); "
                        + "linked to the %d accounts of the batch created nearest to it (weight: the batch's share of "
                        + "accounts not flagged that nobody outside it chose to follow)",
                p.follow().minFollowers(), p.cluster().creationBurst() / 86_400, FarmCohortSignal.BACKGROUND_SPANS,
                p.follow().minLift(), CreationCohortSignal.LEVEL,
                Math.min(CreationCohortSignal.MAX_PARTNERS, p.cluster().partners()));
    }

    private static String describeFollow(CoordinationParams p) {
        CoordinationParams.FollowParams f = p.follow();
        return String.format(Locale.ROOT,
                "blocks of accounts following the same targets more than a model of ordinary following explains (a "
                        + "degree-corrected block model, Karrer and Newman 2011, over Leiden communities of the follow "
                        + "graph at resolutions %s, with each target's popularity measured inside the follower's "
                        + "community and the block's own follows left out); seeds by greedy peeling (FRAUDAR, Hooi et "
                        + "al. 2016) weighted by the share of each target's audience outside the follower's community, "
                        + "started from accounts created within %d days of each other when at least %d, each such "
                        + "cohort also judged whole on the targets it captures with the archive's other cohorts out "
                        + "of the rates, even of a star rooted in its community; targets, "
                        + "followers and the block must reach >= %.1f x the model's expectation with a Poisson tail "
                        + "<= %.0e; blocks of at least %d followers, %d targets, density >= %.2f; at most %d rounds; "
                        + "last, bought audiences: an account's followers created within one window of %s days that "
                        + "nobody made outside the window follows (a follow-back account returning their follow "
                        + "aside), most of them and beyond the windows around it (binomial tail <= %.0e over the "
                        + "tests); such a block, and one of the rounds most of whose followers are unknown, also takes "
                        + "the free unknown accounts that follow a quarter (and at least 2) of its clients, the "
                        + "targets whose followers are mostly unknown (a vendor's deliveries; free: in no block, and "
                        + "for an account an explained block set aside, only the clients that explanation did not "
                        + "cover count), when more than the clients' known followers' rates give by chance (Poisson "
                        + "tail <= %.0e), a round's block then keeping of its own followers the unknown ones and "
                        + "those following as many of its clients; each member linked to "
                        + "its %d most similar fellow members",
                Arrays.toString(LockstepFollowSignal.Models.RESOLUTIONS), f.creationBurst() / 86400,
                f.minFollowers(), f.minLift(), f.maxPValue(), f.minFollowers(), f.minTargets(), f.minDensity(),
                f.maxBlocks(), Arrays.stream(BoughtAudiences.SPANS).mapToObj(s -> Long.toString(
                        s * f.creationBurst() / 86400)).collect(Collectors.joining(", ")),
                f.maxPValue(), f.maxPValue(), f.partners());
    }
}
