package io.lockstep.coordination;

import io.lockstep.campaign.CampaignParams;
import io.soabase.recordbuilder.core.RecordBuilder;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Every window and threshold of coordination detection. Start from {@link #defaults()} and change one part with the
 * {@code with…} methods. {@link #describe()} renders the method text for reports. The withers, one per component,
 * come from {@link CoordinationParamsBuilder.With}, generated at compile time by RecordBuilder: each makes a copy
 * with one component changed through the canonical constructor, so a copy is checked as any new record.
 *
 * @param signals      the enabled signal names (see {@link CoordinationSignal})
 * @param coRetweet    co-retweet: retweets of the same original
 * @param coHashtag    co-hashtag: the same hashtag
 * @param sequence     hashtag-sequence: the same ordered list of at least two hashtags
 * @param coLink       co-link: the same normalised URL
 * @param coLinkSlow   co-link-slow: the same rare normalised URL at any delay up to its window, co-shares explained by
 *                     a common source left out ({@link SlowCoLinkSignal})
 * @param hashtagBurst hashtag-burst: the same rare hashtag within a burst of hours, co-uses explained by a visible
 *                     source left out ({@link HashtagBurstSignal})
 * @param coText       co-text: near-duplicate texts (the window and thresholds; text settings in {@code text})
 * @param coReply      co-reply: replies to the same post
 * @param text         MinHash/LSH settings for co-text
 * @param fastRetweet  fast-retweet settings
 * @param follow       lockstep-follow (dense bipartite block) settings
 * @param cluster      combining, clustering and scoring
 * @param campaign     hashtag-campaign settings
 * @param maxNeighbours each action pairs with at most this many later actions inside its window (bounds the work
 *                     on viral items: a window holding w actions costs at most w·maxNeighbours pairs)
 * @param evidenceCap  examples kept per edge
 * @param seed         random seed (MinHash functions, Leiden)
 */
@RecordBuilder
@RecordBuilder.Options(enableWither = true)
public record CoordinationParams(Set<String> signals, CoAction coRetweet, CoAction coHashtag, CoAction sequence,
                              CoAction coLink, CoAction coLinkSlow, CoAction hashtagBurst, CoAction coText,
                              CoAction coReply, TextParams text, FastRetweetParams fastRetweet, FollowParams follow,
                              ClusterParams cluster, CampaignParams campaign, int maxNeighbours, int evidenceCap,
                              long seed) implements CoordinationParamsBuilder.With {

    /** All signal names in their canonical order. */
    public static final List<String> ALL_SIGNALS = Signal.ids();
    /**
     * The signals {@link #defaults()} enables: all of them. amplified-seed, read after the verdicts, is in the set
     * since its per-post test ({@link AmplifiedSeedSignal#systematic}): it found the seeds of every retweet botnet on
     * archives made after it and shown to nobody who tuned it, and took no organic account on them, on the evaluation
     * archives (the first generator's camouflage targets included) or in the robustness matrix (docs/quality.md,
     * "The switches judged on archives nobody had seen"). hashtag-push, read after them, is in the set since it was
     * built: on the fourth generator's 22 archives it found 885 one-time participants of pushes and changed the
     * verdict of no honest account (docs/quality.md, "One-time participants of a push"). farm-cohort, read after
     * them, is in the set since it was built: on the fourth generator's 21 archives it took fresh-farm recall from
     * 0.43 to 0.56 and changed the verdict of no honest account (docs/quality.md, "Members of a farm's creation
     * burst"). creation-cohort, read last, is in the set since it was built: on the fourth generator's 33 archives at
     * four analysis seeds it found the accounts of operations' batches that never acted (three of the four operation
     * lines under 0.9 recall rose above it) and changed the verdict of no honest account (docs/quality.md, "An
     * operation's batch of sign-ups").
     */
    public static final List<String> DEFAULT_SIGNALS = ALL_SIGNALS;

    public CoordinationParams {
        Objects.requireNonNull(signals, "signals");
        for (String s : signals) {
            if (!ALL_SIGNALS.contains(s)) {
                throw new IllegalArgumentException("Unknown signal '" + s + "'; known: " + ALL_SIGNALS);
            }
        }
        signals = Set.copyOf(new LinkedHashSet<>(signals));
        Objects.requireNonNull(coRetweet);
        Objects.requireNonNull(coHashtag);
        Objects.requireNonNull(sequence);
        Objects.requireNonNull(coLink);
        Objects.requireNonNull(coLinkSlow);
        Objects.requireNonNull(hashtagBurst);
        Objects.requireNonNull(coText);
        Objects.requireNonNull(coReply);
        Objects.requireNonNull(text);
        Objects.requireNonNull(fastRetweet);
        Objects.requireNonNull(follow);
        Objects.requireNonNull(cluster);
        Objects.requireNonNull(campaign);
        Checks.atLeast("maxNeighbours", maxNeighbours, 1);
        Checks.atLeast("evidenceCap", evidenceCap, 0);
    }

    /**
     * Settings of one co-action signal. Two accounts are linked when they acted on the same item (original, hashtag,
     * URL, text) with at most {@code window} seconds between the two actions, on at least {@code minShared} distinct
     * items, with an inverse-popularity cosine of at least {@code minSimilarity} and a Poisson tail probability of at
     * most {@code maxPValue} under both the volume and the background strength null model ({@code CoActionNullModel}).
     */
    public record CoAction(long window, int minShared, double minSimilarity, double maxPValue) {
        public CoAction {
            Checks.seconds("window", window);
            Checks.atLeast("minShared", minShared, 1);
            Checks.inUnit("minSimilarity", minSimilarity);
            Checks.inOpenUnit("maxPValue", maxPValue);
        }

        public CoAction withWindow(long seconds) {
            return new CoAction(seconds, minShared, minSimilarity, maxPValue);
        }

        public CoAction withMinShared(int k) {
            return new CoAction(window, k, minSimilarity, maxPValue);
        }
    }

    /**
     * MinHash/LSH settings: texts are cut into {@code shingle}-word shingles (after lower-casing, dropping URLs,
     * mentions and punctuation); {@code bands × rows} MinHash values; two texts are near-duplicates when they share a
     * band and their estimated Jaccard similarity is at least {@code minJaccard}. Texts with fewer than
     * {@code minTokens} words are skipped.
     */
    public record TextParams(int shingle, int bands, int rows, double minJaccard, int minTokens) {
        public TextParams {
            Checks.atLeast("shingle", shingle, 1);
            Checks.atLeast("bands", bands, 1);
            Checks.atLeast("rows", rows, 1);
            Checks.atLeast("minTokens", minTokens, 1);
            Checks.inOpenUnit("minJaccard", minJaccard);
        }
    }

    /**
     * Fast retweet: an account is a fast amplifier of a source account when at least {@code minCount} of its
     * retweets of that source came within {@code maxDelay} seconds of the original and they are at least
     * {@code minShare} of all its retweets of that source, and the source's audience retweets it that fast more often
     * than the other sources' audiences do (Poisson tail at most {@code maxPValue}; {@link FastRetweetSignal}).
     */
    public record FastRetweetParams(long maxDelay, int minCount, double minShare, double maxPValue) {
        public FastRetweetParams {
            Checks.inOpenUnit("maxPValue", maxPValue);
            Checks.seconds("maxDelay", maxDelay);
            Checks.atLeast("minCount", minCount, 1);
            Checks.inOpenUnit("minShare", minShare);
        }
    }

    /**
     * Lockstep follows ({@link LockstepFollowSignal}): FRAUDAR-style greedy peeling finds seed blocks of at least
     * {@code minFollowers} accounts and {@code minTargets} targets with an edge density of at least
     * {@code minDensity}, at most {@code maxBlocks} rounds. When at least {@code minFollowers} of a seed's followers
     * were created within {@code creationBurst} seconds, the block grows from them. Growth keeps the targets followed
     * by at least {@code minDensity} of the block's followers and the accounts following at least {@code minTargets}
     * of its targets, each more often than its popularity (targets) or volume (accounts) explains, with a Poisson
     * tail of at most {@code maxPValue}. Kept blocks have at least {@code minFollowers} followers, {@code minTargets}
     * targets and density {@code minDensity}. Every test against the model of ordinary following
     * ({@link FollowNullModel}) needs the observed follows to be at least {@code minLift} times the expected ones
     * (an effect size: peeling selects its blocks, so p-values alone are optimistic) besides the Poisson tail.
     * Each member of a kept block is linked to its {@code partners} most similar fellow members.
     */
    public record FollowParams(int minFollowers, int minTargets, double minDensity, int maxBlocks,
                               long creationBurst, double maxPValue, double minLift, int partners) {
        public FollowParams {
            Checks.atLeast("minFollowers", minFollowers, 2);
            Checks.atLeast("minTargets", minTargets, 1);
            Checks.atLeast("maxBlocks", maxBlocks, 0);
            Checks.seconds("creationBurst", creationBurst);
            Checks.inOpenUnit("minDensity", minDensity);
            Checks.inOpenUnit("maxPValue", maxPValue);
            Checks.lift("minLift", minLift);
            Checks.atLeast("partners", partners, 1);
        }
    }

    /**
     * Combining and clustering: an account pair enters the combined graph when the sum of its signal weights is at
     * least {@code minEdgeWeight}; clusters are connected components of that graph (refined by Leiden when
     * {@code leiden}), kept from {@code minSize} accounts; a cluster is suspicious when its score reaches
     * {@code suspiciousScore}. {@code creationBurst} and {@code burstBin} are the spans (seconds) used by the
     * creation-burst and activity-burst parts of the score, {@code weights} the score's weights. The reported
     * edges are each suspicious account's {@code partners} strongest ones and as many per suspicious account of the
     * strongest pairs between unflagged accounts, at most 2 · partners rows per suspicious account (see
     * {@link StrongestPartners#report}); clustering and scoring use them all.
     */
    public record ClusterParams(double minEdgeWeight, int minSize, double suspiciousScore, long creationBurst,
                                long burstBin, boolean leiden, int partners, ScoreWeights weights) {
        public ClusterParams {
            Objects.requireNonNull(weights, "weights");
            if (!(minEdgeWeight >= 0)) {
                throw new IllegalArgumentException("minEdgeWeight must be >= 0, was " + minEdgeWeight);
            }
            Checks.atLeast("minSize", minSize, 2);
            Checks.inUnit("suspiciousScore", suspiciousScore);
            Checks.positiveSeconds("creationBurst", creationBurst);
            Checks.positiveSeconds("burstBin", burstBin);
            Checks.atLeast("partners", partners, 1);
        }

        /** These settings with the score from which a cluster is suspicious set to {@code score}. */
        public ClusterParams withSuspiciousScore(double score) {
            return new ClusterParams(minEdgeWeight, minSize, score, creationBurst, burstBin, leiden, partners,
                    weights);
        }

        /** These settings with other score weights. */
        public ClusterParams withWeights(ScoreWeights w) {
            return new ClusterParams(minEdgeWeight, minSize, suspiciousScore, creationBurst, burstBin, leiden,
                    partners, w);
        }
    }

    /**
     * The weights of the cluster score ({@link ClusterScorer}): {@code timed} for a cluster with timed evidence,
     * {@code block} for a follow block, whose evidence carries no action times. Each weight is in [0, 1] and each
     * formula's weights sum to 1, so that a score is in [0, 1] like {@link ClusterParams#suspiciousScore()}.
     */
    public record ScoreWeights(TimedWeights timed, BlockWeights block, double acquaintance,
                               double blockAcquaintance, double blockCohesion) {
        /**
         * The weight g of the timed score's acquaintance factor 1 − g · max(0, ρ) · a ({@link Acquaintance}) by
         * default: 0, off. With 1 a group whose every member is in a mutual pair and whose ties are all returned
         * (ρ = 1) scores 0 and a group following at random keeps its score; it cleared a fandom on the archives it
         * was measured on, but on an archive made after it a follow-unfollow churn farm lost 33 of its 41 flags with
         * it (docs/quality.md, "Honest crowds that follow one another back"), so it stays off until that is traced.
         */
        public static final double DEFAULT_ACQUAINTANCE = 0.0;
        /**
         * The weight of the same factor on the follow-block formula by default: 0, off until it is measured on the
         * archives and the robustness matrix (docs/quality.md, "Honest crowds that follow one another back"); 1
         * applies it as on the timed formula.
         */
        public static final double DEFAULT_BLOCK_ACQUAINTANCE = 0.0;
        /**
         * The weight g of the follow-block formula's target-cohesion factor 1 − g · κ ({@link TargetCohesion}) by
         * default: 1, a block whose targets all follow one another beyond chance scores 0 and a block of unrelated
         * targets keeps its score (docs/quality.md, "Honest blocks that follow one interest: the targets' cohesion").
         */
        public static final double DEFAULT_BLOCK_COHESION = 1.0;

        public ScoreWeights {
            Objects.requireNonNull(timed, "timed");
            Objects.requireNonNull(block, "block");
            weight("acquaintance", acquaintance);
            weight("blockAcquaintance", blockAcquaintance);
            weight("blockCohesion", blockCohesion);
        }

        /** These weights with the default target-cohesion weight ({@link #DEFAULT_BLOCK_COHESION}). */
        public ScoreWeights(TimedWeights timed, BlockWeights block, double acquaintance, double blockAcquaintance) {
            this(timed, block, acquaintance, blockAcquaintance, DEFAULT_BLOCK_COHESION);
        }

        /**
         * These weights with the default acquaintance weights ({@link #DEFAULT_ACQUAINTANCE}, block's off) and the
         * default target-cohesion weight.
         */
        public ScoreWeights(TimedWeights timed, BlockWeights block) {
            this(timed, block, DEFAULT_ACQUAINTANCE, DEFAULT_BLOCK_ACQUAINTANCE);
        }

        /**
         * Timed: significance 0.45, profile 0.4 density + 0.3 synchrony + 0.15 creation burst + 0.15 burst share; for a
         * follow block 0.45 significance + 0.2 density + 0.2 creation burst + 0.15 burst share. Significance has the
         * same weight in both, the null model's verdict (a cluster every member of which is significant scores at
         * least 0.45); the profile is the timed formula as it was before the significance term, so that a cluster
         * the null models explain scores what it did.
         */
        public static ScoreWeights defaults() {
            return new ScoreWeights(new TimedWeights(0.45, 0.4, 0.3, 0.15, 0.15),
                    new BlockWeights(0.45, 0.2, 0.2, 0.15));
        }
    }

    /**
     * score = max(P, (1 − significance) · P + significance · share of the members whose co-actions are evidence
     * against chance at the family-wise 5 % level) × the crowd factor × the acquaintance factor ({@link ClusterScorer},
     * {@link ScoreWeights#acquaintance}), the profile P =
     * density · internal edge density + synchrony · mean synchrony of the timed evidence + creationBurst · the
     * creation term (the largest share of members created together, or the share created in batches beyond the
     * archive's rate when larger) + burstShare · share of the members' posts in the cluster's bursts. The four
     * profile weights sum to 1; significance, in [0, 1], is how far the share lifts the profile toward itself.
     */
    public record TimedWeights(double significance, double density, double synchrony, double creationBurst,
                               double burstShare) {
        public TimedWeights {
            weight("timed.significance", significance);
            weight("timed.density", density);
            weight("timed.synchrony", synchrony);
            weight("timed.creationBurst", creationBurst);
            weight("timed.burstShare", burstShare);
            sumsToOne("timed.density + timed.synchrony + timed.creationBurst + timed.burstShare",
                    density + synchrony + creationBurst + burstShare);
        }
    }

    /**
     * score = significance · min(1, −log10(p) / 10) of the block's p-value + density · the block's follower × target
     * density + creationBurst · the creation term (as the timed formula's) + burstShare · share of the members'
     * posts in the cluster's bursts.
     */
    public record BlockWeights(double significance, double density, double creationBurst, double burstShare) {
        public BlockWeights {
            weight("block.significance", significance);
            weight("block.density", density);
            weight("block.creationBurst", creationBurst);
            weight("block.burstShare", burstShare);
            sumsToOne("block.*", significance + density + creationBurst + burstShare);
        }
    }

    private static void weight(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("score weight " + name + " must be in [0, 1], was " + value);
        }
    }

    private static void sumsToOne(String name, double sum) {
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("score weights " + name + " must sum to 1, were " + sum);
        }
    }


    public static CoordinationParams defaults() {
        return new CoordinationParams(new LinkedHashSet<>(DEFAULT_SIGNALS),
                new CoAction(60, 3, 0.1, 1e-3),
                new CoAction(300, 3, 0.1, 1e-3),
                new CoAction(3600, 2, 0.1, 1e-3),
                new CoAction(60, 3, 0.1, 1e-3),
                new CoAction(86_400, 3, 0.1, 1e-3),
                new CoAction(7200, 2, 0.1, 1e-3),
                new CoAction(3600, 2, 0.1, 1e-3),
                new CoAction(60, 3, 0.1, 1e-3),
                new TextParams(2, 16, 4, 0.5, 5),
                new FastRetweetParams(10, 3, 0.8, 1e-3),
                new FollowParams(10, 6, 0.25, 20, 7 * 86400L, 1e-3, 4.0, 10),
                new ClusterParams(0.0, 3, 0.5, 7 * 86400L, 3600, true, 10, ScoreWeights.defaults()),
                new CampaignParams(3600, 20, 5.0, 5),
                200, 10, 42L);
    }

    public boolean enabled(String signal) {
        return signals.contains(signal);
    }

    /** The method text for reports: which signals ran, with their windows and thresholds. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append("Coordination detection. Each signal sorts time-ordered actions by item and scans them with a "
                + "sliding window (never comparing all pairs of accounts); two accounts are linked when they acted "
                + "on the same item within the window on enough distinct items. Each shared item is weighted by "
                + "its inverse popularity, w = 1 + ln((1 + A) / (1 + m)) for m accounts acting on it out of A, and "
                + "the edge weight is the cosine of the two accounts' weighted item vectors over the items at least two "
                + "accounts acted on (so heavy posters are normalised) times the rarity of the shared items (their root-mean-square w over the largest "
                + "possible w). Two null models are tested with a Poisson tail, and the pair must beat both: a volume "
                + "model, E = n_a n_b P with P the data-wide chance that two actions coincide, and a strength model, "
                + "E = s_a s_b / 2W with s_a an account's co-occurrences with all others and W those of all pairs, "
                + "both counted over the background of pairs the models explain (fixed-point iteration). Each action "
                + "pairs with at most ")
                .append(maxNeighbours).append(" later actions in its window; items acted on by more than 1,000 accounts "
                + "are paired only inside fixed account-hash groups of at most about 100 accounts; an item split into "
                + "2^b groups counts each pair event it yields 2^b times in both models (Horvitz-Thompson), and a "
                + "pair is expected only the share of its co-occurrences that falls on the items it was paired on.\n");
        for (Signal s : Signal.values()) {
            if (enabled(s.id())) {
                b.append("- ").append(s.id()).append(": ").append(s.describe(this)).append('\n');
            }
        }
        TimedWeights t = cluster.weights.timed;
        BlockWeights f = cluster.weights.block;
        b.append(String.format(Locale.ROOT, "Signals are summed into one graph (pairs with total weight >= %.2f); "
                        + "clusters are its connected components%s with at least %d accounts; each follow block is "
                        + "one cluster, but for its co-action parts (followers tied to one another inside it by "
                        + "co-retweet, co-reply, fast-retweet, co-text, co-link-slow or hashtag-burst edges), each a cluster of its "
                        + "own when it scores higher than the block's cluster and a cluster's minimum size of followers "
                        + "stays; the block's cluster keeps its score. Cluster score = max(P, (1 - %.2f) P + %.2f significance) x (1 - f (1 - c)) x (1 - %.2f max(0, rho) a), "
                        + "P = %.2f density + %.2f synchrony + %.2f "
                        + "creation (the largest share of members created within %d days, or, when larger, the share created in "
                        + "batches: members with at least two others created within that span either side, more than "
                        + "the archive's own creation rate explains at the family-wise level %.2f) + %.2f share of activity in the cluster's bursts (%d s bins), "
                        + "significance the share of the members whose edges are evidence against "
                        + "chance at the family-wise level %.2f (harmonic mean p-value of the member's pair p-values "
                        + "under the co-action null model, Wilson 2019, over S n (n - 1) / 2 pair tests, n the posting "
                        + "accounts and S the signals with a pair null model; co-retweet, co-hashtag and co-reply "
                        + "pairs tested against the larger of it and the event null, which keeps each item's own time "
                        + "profile: the sum over the pair's shared items of the share of each item's account pairs "
                        + "found in the window; significance lifts a cluster and never lowers it; a cluster whose edges are all "
                        + "co-hashtag with no significant member scores 0), synchrony the mean "
                        + "of max(0, 1 - |dt| / "
                        + "window) over the timed evidence with the times as given, f the "
                        + "share of internal edges that are co-retweet or co-reply and c the share of the members' "
                        + "co-retweeters and co-repliers the pair counting compared with a member (within the window; on "
                        + "items of over 1,000 accounts, in the member's account group) that are members or linked to "
                        + "a member in the combined graph, rho the members' follow reciprocity beyond their follows' "
                        + "density (Garlaschelli and Loffredo 2004: (r - d) / (1 - d), r the share of their internal "
                        + "follows returned, read at the lower end of the Wilson interval of the mutual share of linked "
                        + "pairs, d the density of their internal follows) and a the share of members in a mutual pair "
                        + "(a crowd follows itself back, a script at random); for a follow block whose cluster holds "
                        + "no timed evidence (the block formula also for a bought block, the bought audiences' own or "
                        + "one holding half of one's members, whatever its timed edges) "
                        + "%.2f significance (min(1, -log10(p) / 10)) + %.2f block density + %.2f creation + "
                        + "%.2f burst share, times (1 - %.2f max(0, rho) a), times (1 - %.2f k), k the block's "
                        + "targets' follows of one another beyond what their degrees explain (the lower end of the "
                        + "Wilson interval of their tie density d_T, (d_T - d0) / (1 - d0), d0 the configuration "
                        + "model's: an interest's accounts follow one another, a vendor's clients do not), and a "
                        + "follower-farm cluster made of a "
                        + "follow block times 1 - e, e a lower "
                        + "bound on the share of the block's followers that read its targets (an audience reads what it "
                        + "follows, bought followers do not): of its N followers, k retweeted, quoted or replied to one "
                        + "of its targets, not in lockstep with the block (on at least co-retweet's minimum of posts "
                        + "another follower acted on within co-retweet's window, with no follow tie to any follower), "
                        + "and n posted anything in the archive (a follower that never posts gives no "
                        + "evidence), e = max(k / N, the lower end of the Wilson interval of k / n at %.2f standard "
                        + "errors), or max(k / N, k / n) for a block with no timed evidence, not bought and fewer than "
                        + "half its members created together when at least the block's minimum of followers post; the "
                        + "accounts around a block that its targets hired (following one of them, every "
                        + "post a retweet, quote or reply of one of them or of an account that most of the block's "
                        + "followers follow and whose followers are mostly around it (a client the farm is the "
                        + "audience of), in lockstep with the block as above, with no more follow ties to its other "
                        + "followers than their degree explains at %.2f over the "
                        + "accounts so tested, and together covering more than %.2f of the posts of the targets they "
                        + "act on, averaged over their actions) are scored by the block formula on their own follows, "
                        + "without the factor e, and leave their cluster when that scores higher, with the accounts "
                        + "around the block in lockstep with them most of whose posts act on the targets, tied as "
                        + "above; suspicious from "
                        + "%.2f. Reported edges: each account's %d strongest "
                        + "(at least 2 per signal).\n",
                cluster.minEdgeWeight, cluster.leiden ? " refined by Leiden" : "", cluster.minSize,
                t.significance, t.significance, cluster.weights.acquaintance, t.density, t.synchrony, t.creationBurst,
                cluster.creationBurst / 86400, CreationBatches.LEVEL,
                t.burstShare, cluster.burstBin, ClusterScorer.SIGNIFICANCE_LEVEL, f.significance, f.density, f.creationBurst, f.burstShare,
                cluster.weights.blockAcquaintance, cluster.weights.blockCohesion,
                ClusterScorer.AUDIENCE_Z, LockstepReaders.TIE_LEVEL, LockstepReaders.MIN_COVERAGE,
                cluster.suspiciousScore, cluster.partners));
        b.append(String.format(Locale.ROOT, "Campaigns: per-hashtag %d s bins; a burst has >= %d posts and >= %.1f x "
                        + "(median + 1); seeds need >= %d coordinated retweeters.", campaign.bin(), campaign.minPosts(),
                campaign.factor(), campaign.minAmplifiers()));
        return b.toString();
    }
}
