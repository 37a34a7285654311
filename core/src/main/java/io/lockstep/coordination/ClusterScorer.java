package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Scores a cluster in [0, 1]. A cluster with timed evidence is scored by how strongly its co-actions contradict the
 * co-action null model, then by their shape:
 * <ul>
 *   <li><b>significance</b>: the share of the members whose internal edges are, together, evidence against chance
 *       once every pair the archive could have shown is accounted for. Each co-action edge carries its pair's p-value
 *       under {@link CoActionNullModel}, for co-retweet, co-hashtag and co-reply under the larger of it and the
 *       event null ({@link EventNullModel}: each item keeps its own time profile, so that a crowd gathered by a match
 *       or an idol's post is expected) ({@link CoordinationEdge#pValue}). A member's edges share the member, so their
 *       tests are dependent, and the member was found among many: its evidence is the harmonic mean p-value of its
 *       edges (all of its co-action edges in the archive, not only those inside the cluster: the partition is Leiden's
 *       choice, the evidence the graph's, so that a botnet cut into pieces keeps each member's evidence) within the
 *       family of all M = S · n (n − 1) / 2 pair tests (n the accounts with a timed post, S the
 *       enabled signals with a pair null model; a pair never seen together is a test with p = 1), each weighted
 *       1 / M: M / Σ 1/p_i, significant at the family-wise level {@value #SIGNIFICANCE_LEVEL} (Wilson, "The harmonic
 *       mean p-value for combining dependent tests", PNAS 116(4), 2019: the test of any subset R of the family at
 *       α · w_R controls the family-wise error rate under the dependence that occurs here; it is slightly
 *       anti-conservative for large families, by less than the level's own arbitrariness, and a score need not
 *       correct it).
 *       Fisher's or Stouffer's combination assumes independence and would make any large cluster of weak pairs
 *       significant; a mean of the pairs' −log10 p has no family. Each member's test is binary and the term their
 *       share, so that the term reads how many members the null model cannot explain, not how extreme the strongest
 *       pair is: a botnet whose pairs retweet tens of the same posts within the minute while the posts' other
 *       retweeters take hours is significant for nearly every member, a 26-fan fandom whose pairs just pass the pair
 *       test (p ≈ 10⁻⁴ among 10⁸ pairs) for few. Significance lifts a cluster toward its share and never lowers it
 *       below its profile: the event null explains an operation's co-actions on items that only the operation uses
 *       by the operation's own burst (a seed's posts retweeted by its amplifiers alone), so a member it does not
 *       find significant is not thereby honest;</li>
 *   <li><b>density</b>: internal combined edges over s(s−1)/2 (the combined graph is not bounded per account: only
 *       the reported edges are, {@link StrongestPartners});</li>
 *   <li><b>synchrony</b>: mean over timed evidence on internal edges of {@code max(0, 1 − |Δt| / window)} of its
 *       signal, the times read as given. At a coarse time resolution r ({@link Activity#timeResolution}: 60 on the
 *       minute times of the information-operations releases) this reading is unbiased for the true term when the
 *       window is a multiple of r and each action falls uniformly within its tick: two actions a true gap g &lt; r apart
 *       share a tick with probability 1 − g / r and read 1, else adjacent ticks and read 1 − r / window, so the mean
 *       over many pairs is the true synchrony (on minutes with a 60 s window: 1 − g / 60). Reading each gap as the
 *       smallest the ticks allow (adjacent minutes 59/60) raises every minute-time cluster, honest fandoms with it;
 *       its expectation given the ticks (same minute 2/3) shrinks every cluster's toward the middle; both were
 *       measured and not kept (docs/quality.md, "Session 13's merged main");</li>
 *   <li><b>creation burst</b>: the largest share of members created within one {@code creationBurst} span, or,
 *       when larger, the share created in batches the archive's rate of account creation cannot explain
 *       ({@link CreationBatches}): an operation registers its accounts a few dozen at a time on several days months
 *       apart, so its largest burst holds one batch of them (a camouflaged botnet of 321 amplifiers made in eight
 *       batches: 0.14 against 1.0, docs/quality.md "Accounts made in batches");</li>
 *   <li><b>burst share</b>: the share of the members' posts that fall in the cluster's bursts, i.e. the
 *       {@code burstBin} bins in which at least max(3, 30% of the members) are active.</li>
 * </ul>
 * score = max(P, (1 − w) P + w · significance) with the profile P a weighted sum of density, synchrony, creation burst
 * and burst share ({@link CoordinationParams.TimedWeights}; by default w = 0.45, the block formula's weight for its
 * significance, and P = 0.4 density + 0.3 synchrony + 0.15 creation burst + 0.15 burst share, the timed formula
 * before the significance term); a cluster whose only evidence is co-hashtag and none of whose members is
 * significant scores 0 (below). Then, times the crowd factor
 * 1 − f (1 − c): f the share of the internal edges that are co-retweet or co-reply, c the share of the members'
 * co-reactors that are inside the cluster's coordination neighbourhood, the members and the accounts the combined
 * coordination graph links to a member, counting only the co-reactors pair counting compared with a member
 * ({@link CrowdShare}), so that co-reactions a crowd explains (fans retweeting
 * their idol within the same minute as hundreds of others, none of them linked to the fans) are not evidence of
 * coordination, while a botnet that modularity cut into pieces meets, in each piece, the other pieces it is linked
 * to rather than a crowd (the partition is Leiden's choice, the evidence is the graph's); and times the
 * <b>acquaintance factor</b> 1 − g · max(0, ρ) · a ({@link Acquaintance}): ρ the members' follow reciprocity beyond what
 * the density of their follows explains (Garlaschelli and Loffredo 2004), a the share of members in a mutual follow
 * pair, g = {@link CoordinationParams.ScoreWeights#acquaintance}. People who gathered around a club or an idol follow
 * one another back; accounts a script made follow their operation's other accounts, when they do, at random, with
 * returns at the density's rate (ρ ≈ 0, factor 1), so a crowd's co-actions, which its members' acquaintance explains,
 * weigh less, and an operation's keep their weight. Without timed evidence (a follow block,
 * {@link DenseBlock}), or for a block the audience model finds bought ({@link DenseBlock#bought}: its followers'
 * creation is the evidence, and a few hashtag bursts its accounts also share must not replace the audience test's
 * tail by a profile of their timing; any other block with timed edges keeps the timed formula, which the block formula
 * would raise for honest communities that share a few bursts, docs/quality.md "Bought audiences"), score = a weighted
 * sum of significance, density, creation burst and burst share ({@link CoordinationParams.BlockWeights}; by default
 * 0.45, 0.2, 0.2, 0.15), where density is the block's follower × target density and significance =
 * min(1, −log10(p) / 10) for the block's p-value under the model of ordinary following ({@link FollowNullModel}; 1 for
 * p = 0): the null model decides, and accounts made together or posting in bursts support it; times the acquaintance
 * factor at the weight {@link CoordinationParams.ScoreWeights#blockAcquaintance} (0 by default: off): followers of
 * the same accounts who follow one another back are a community that the block model's communities did not separate
 * (friends, colleagues, fans of one club), while a farm's accounts do not return follows; and times the
 * <b>target-cohesion factor</b> 1 − g · κ ({@link TargetCohesion}), κ how much the block's targets follow one another
 * beyond what their degrees explain, g = {@link CoordinationParams.ScoreWeights#blockCohesion} (1 by default): an
 * honest crowd's block follows the accounts of one interest, which follow one another, a vendor's block its unrelated
 * customers.
 *
 * <p><b>Shared hashtags with nothing beyond chance.</b> Hashtags are a topic's vocabulary: the pundits, outlets and
 * fans of one topic use its few hashtags all day, so their co-hashtag pairs pass the pair threshold by the dozen
 * while the pair null model explains them (their own rates; the hashtags' own bursts). A cluster made of such edges
 * alone, with no member significant, is flagged by nothing but its shape, and a small clique's shape (density 1 of a
 * clique cut out, one creation burst in three) scores above the line by itself: it is no finding, and scores 0.
 * Co-retweet, co-reply, co-text and co-link are actions on one item (a post, a text, a link) and keep their profile,
 * which a botnet's pieces that the event null explains need (each piece's amplifiers are the seed's only retweeters);
 * so do pushers on hashtags that recur (hashtag-burst's member test makes them significant). Measured on the fourth
 * generator's archives in docs/quality.md ("Shared hashtags with nothing beyond chance").
 *
 * <p>A follower-farm cluster (its evidence mostly the follow signal's, {@link #kind}) made of a dense block is then
 * scaled by the <b>audience factor</b> 1 − e, e a lower bound on the share of the block's followers that read its
 * targets ({@link #audienceShare}). A follow its follower acts on is a subscription that is read: honest crowds whose
 * follows no model of topical communities explains (readers of one city's outlets, a sign-up cohort that followed the
 * platform's suggested accounts, journalists following a whole parliament) act on the accounts they follow, while
 * bought follows are not read: inactivity is the mark of fake followers (Cresci, Di Pietro, Petrocchi, Spognardi and
 * Tesconi, "Fame for sale: efficient detection of fake Twitter followers", Decision Support Systems 80, 2015). Of the
 * block's N followers, k read the targets, and n posted anything in the archive. A reader retweeted, quoted or replied
 * to one of the targets on its own schedule: a follower whose actions on the targets' posts keep falling in the same
 * minute as other followers' actions on the same posts, with no follow tie to any of them, is not reading but acting
 * with the block ({@link LockstepReaders}: the co-retweet signal's window and minimum of shared posts, asked of each
 * follower against the block), so that a farm whose accounts retweet their clients together is not cleared as an
 * audience, while readers retweeting at their own times, and fans or colleagues who follow one another and react
 * together, are. A follower with no post at all gives no evidence either way: most accounts of a real platform read and
 * never post (Pew Research Center, "Sizing up Twitter users", 2019: the median US adult user tweets about twice a
 * month), so the share of readers is estimated among the n that can be seen, and k / n is bounded from below by the
 * lower end of its Wilson score interval at {@value #AUDIENCE_Z} standard errors (95 %, two-sided; Wilson, "Probable
 * inference, the law of succession, and statistical inference", JASA 22, 1927), so that a handful of active followers
 * cannot clear a block: 1 acting follower of 1 gives 0.21, 3 of 3 gives 0.44, 1 of 25 gives 0.007. The followers seen
 * acting are readers whoever else is, so e = max(k / N, that bound). The lower bound puts the burden on the audience,
 * which is right when the block's accounts carry a mark of their own. An <b>unmarked</b> block has none: no timed
 * evidence, not bought, and fewer than half its members ({@link #MARKED_CREATION}) created together. Such a block
 * rests on the model of ordinary following alone, and that model misses interests that cross its communities (the
 * fourth generator's topic fans following one topic's public figures in three languages: z1 at seed 1, 46 ordinary
 * users on 6 targets at p = 10⁻²³⁹, 9 of its 35 posting followers reading them). So when at least
 * {@code minFollowers} of its followers post, its share is read as measured, e = max(k / N, k / n). A farm's
 * accounts do not read their clients, and 0 readers give 0 either way: over the fourth generator's 29 archives at
 * seed 1, every unmarked farm block had at most 1 reader, and every honest one 4 to 42. No other parameter; the 95 %
 * level is the convention, not fitted to an archive. An archive without the followers' posts (a follow graph alone)
 * gives n = 0, e = 0 and the block score unchanged. The honest limit: the estimate assumes the silent followers read as often as the
 * posting ones. A farm whose accounts never post but that absorbed a few posting honest accounts acting on its targets
 * (3 of 3 posting: e = 0.44) falls below the default suspicious score 0.5 when its block score is under 0.89; a farm
 * whose accounts retweet its clients at spread-out times (more than the co-retweet window apart), or that follow one
 * another, is read as an audience, as any single account-level feature can be gamed. Clusters of other kinds (a botnet
 * whose amplifiers follow the seeds they retweet, a link ring that follows itself) are not scaled: their evidence is
 * their co-actions. Cost O(the block's followers' posts and, when one acts in lockstep, follows) per block.
 * Package-private phase of {@link CoordinationDetector}.
 */
final class ClusterScorer {
    /** The kind of a cluster whose evidence is mostly the follow signal's. */
    private static final String FOLLOWER_FARM = Signal.LOCKSTEP_FOLLOW.kind();
    /**
     * Standard errors below the observed share of readers at which the audience share is read: the lower end of the
     * two-sided 95 % Wilson score interval. Printed by {@link CoordinationParams#describe()}.
     */
    static final double AUDIENCE_Z = 1.96;
    /**
     * The creation term from which a block's accounts are marked as made together: half its members created in one
     * span or in batches (the class comment's unmarked blocks are those below it, untimed and not bought).
     */
    static final double MARKED_CREATION = 0.5;
    /**
     * The family-wise level at which a member's evidence counts as significant ({@link #significant}): the
     * conventional 5 %. Printed by {@link CoordinationParams#describe()}.
     */
    static final double SIGNIFICANCE_LEVEL = 0.05;
    private final Activity activity;
    private final CoordinationParams params;
    private final int[] postOffsets;
    private final int[] postsByAuthor;
    /** Closedness of each cluster's co-reactions, by cluster id ({@link CrowdShare}). */
    private final CrowdShare crowd;
    /** Which followers of a block read its targets ({@link #audienceShare}). */
    private final LockstepReaders readers;
    /**
     * The family of pair tests the significance term adjusts for: S · n (n − 1) / 2, n the accounts with a timed post,
     * S the enabled signals with a pair null model; at least 1.
     */
    private final double testedPairs;
    /**
     * Per account, whether its edges in the archive are evidence against chance ({@link #significantAccounts}); null:
     * read from each cluster's internal edges.
     */
    private final boolean[] significantByAccount;
    /** The members created in batches beyond the archive's rate ({@link #creationBurst}). */
    private final CreationBatches batches;

    /**
     * A scorer without crowd measurements (the crowd factor is 1 for every cluster) that reads each member's evidence
     * against chance from the edges given to {@link #score}.
     */
    ClusterScorer(Activity activity, CoordinationParams params) {
        this(activity, params, CrowdShare.NONE, null);
    }

    /**
     * @param crowd the closedness of the clusters' co-reactions, indexed by the id given to {@link #score}; a
     *              cluster it did not measure (NaN) has crowd factor 1
     * @param edges every signal edge of the archive, from which each account's evidence against chance is read
     *              ({@link #significance}); null to read it from each cluster's internal edges
     */
    ClusterScorer(Activity activity, CoordinationParams params, CrowdShare crowd, List<CoordinationEdge> edges) {
        this.activity = activity;
        this.params = params;
        this.crowd = crowd;
        this.significantByAccount = edges == null ? null : significantAccounts(activity, params, edges);
        readers = LockstepReaders.of(activity, params.coRetweet().window(), params.coRetweet().minShared());
        postOffsets = readers.postOffsets();
        postsByAuthor = readers.postsByAuthor();
        testedPairs = testedPairs(activity, params);
        batches = new CreationBatches(activity, params.cluster().creationBurst());
    }

    private ClusterScorer(ClusterScorer base, CrowdShare crowd) {
        this.activity = base.activity;
        this.params = base.params;
        this.crowd = crowd;
        this.postOffsets = base.postOffsets;
        this.postsByAuthor = base.postsByAuthor;
        this.readers = base.readers;
        this.testedPairs = base.testedPairs;
        this.significantByAccount = base.significantByAccount;
        this.batches = base.batches;
    }

    /**
     * This scorer with the crowd measurements {@code crowd}, sharing its per-author index and its evidence against
     * chance. O(1).
     */
    ClusterScorer withCrowd(CrowdShare crowd) {
        return new ClusterScorer(this, crowd);
    }

    /**
     * Per follower of {@code block} (in its order), whether its follow ties to its followers in another group
     * ({@code group[x]} for follower x) are more than its degree explains ({@link
     * LockstepReaders#tiedAcrossBeyondChance}).
     */
    boolean[] tiedAcross(DenseBlock block, int[] group) {
        return readers.tiedAcrossBeyondChance(block.followers(), group);
    }

    /** Scores one cluster given its members (ascending) and the signal edges inside it. */
    Cluster score(int id, int[] members, List<CoordinationEdge> internal, long internalCombinedEdges) {
        return score(id, members, internal, internalCombinedEdges, null);
    }

    /** As above; {@code block} is the dense block the cluster is, or null. */
    Cluster score(int id, int[] members, List<CoordinationEdge> internal, long internalCombinedEdges,
                  DenseBlock block) {
        int s = members.length;
        double density = s < 2 ? 0 : Math.min(1.0, internalCombinedEdges / (s * (s - 1) / 2.0));
        double syncSum = 0;
        long syncN = 0;
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        Object2IntOpenHashMap<String> signalEdges = new Object2IntOpenHashMap<>();
        for (CoordinationEdge e : internal) {
            signalEdges.addTo(e.signal(), 1);
            long window = window(e.signal());
            for (Evidence ev : e.evidence()) {
                if (window <= 0 || ev.sourceTime() == Activity.NO_TIME || ev.targetTime() == Activity.NO_TIME) {
                    continue; // follow evidence carries creation times, not action times
                }
                first = Math.min(first, Math.min(ev.sourceTime(), ev.targetTime()));
                last = Math.max(last, Math.max(ev.sourceTime(), ev.targetTime()));
                syncSum += synchrony(ev.sourceTime(), ev.targetTime(), window);
                syncN++;
            }
        }
        double creation = creationBurst(members);
        double burst = burstShare(members);
        double score;
        if (syncN > 0 && (block == null || !block.bought())) {
            score = timedScore(id, members, internal, density, syncSum / syncN, creation, burst, signalEdges);
        } else {
            double significance = block == null ? 0
                    : block.pValue() <= 0 ? 1 : Math.min(1, -Math.log10(block.pValue()) / 10);
            double blockDensity = block == null ? density : block.density();
            CoordinationParams.BlockWeights w = params.cluster().weights().block();
            score = (w.significance() * significance + w.density() * blockDensity + w.creationBurst() * creation
                    + w.burstShare() * burst)
                    * acquaintanceFactor(members, params.cluster().weights().blockAcquaintance())
                    * cohesionFactor(block, params.cluster().weights().blockCohesion());
        }
        String kind = kind(signalEdges);
        if (block != null && FOLLOWER_FARM.equals(kind)) {
            boolean marked = syncN > 0 || block.bought() || creation >= MARKED_CREATION;
            score *= 1 - audienceShare(block, !marked);
        }
        List<String> signals = new ArrayList<>(signalEdges.keySet());
        signals.sort(Comparator.comparingInt((String x) -> -signalEdges.getInt(x))
                .thenComparingInt(CoordinationParams.ALL_SIGNALS::indexOf));
        return new Cluster(id, kind, members, Math.max(0, Math.min(1, score)), signals,
                topHashtags(members, 5), first == Long.MAX_VALUE ? Activity.NO_TIME : first,
                last == Long.MIN_VALUE ? Activity.NO_TIME : last);
    }

    /**
     * The hired followers of {@code block} ({@link #hired}) scored as a follower-farm cluster of their own, on the
     * block's evidence restricted to them: the block formula with the block's significance, their own density of
     * follows into its targets, their creation burst and their burst share, and no audience factor (none of them is a
     * reader: each acts on the targets only, in lockstep, with no tie to the block beyond chance). Timed edges among
     * them do not switch the formula: their co-actions are the chance meetings of accounts acting on the same few
     * posts, and the evidence that judges them is the follow block's. O(their posts and follows).
     */
    Cluster scoreHired(int id, int[] members, DenseBlock block) {
        double significance = block.pValue() <= 0 ? 1 : Math.min(1, -Math.log10(block.pValue()) / 10);
        CoordinationParams.BlockWeights w = params.cluster().weights().block();
        double score = w.significance() * significance + w.density() * readers.density(members, block.targets())
                + w.creationBurst() * creationBurst(members) + w.burstShare() * burstShare(members);
        return new Cluster(id, FOLLOWER_FARM, members, Math.max(0, Math.min(1, score)),
                List.of(CoordinationSignal.LOCKSTEP_FOLLOW), topHashtags(members, 5), Activity.NO_TIME,
                Activity.NO_TIME);
    }

    /** The hired followers of {@code block} ({@link LockstepReaders#hired}), ascending. */
    int[] hired(DenseBlock block) {
        return readers.hired(block);
    }

    /** The hired accounts around {@code block} ({@link LockstepReaders#hiredAround}), ascending. */
    int[] hiredAround(DenseBlock block) {
        return readers.hiredAround(block);
    }

    /** How fully {@code members} cover the posts of the targets they act on ({@link LockstepReaders#coverage}). */
    double coverage(int[] members, int[] targets) {
        return readers.coverage(members, targets);
    }

    /**
     * The timed formula (see the class comment): the crowd factor times the profile (density, synchrony, creation
     * burst and burst share, weighted) lifted by the significance term ({@link #lifted}); 0 for a co-hashtag cluster
     * with no significant member (see the class comment). O(internal edges).
     */
    double timedScore(int id, int[] members, List<CoordinationEdge> internal, double density, double synchrony,
                      double creation, double burst, Map<String, Integer> signalEdges) {
        CoordinationParams.TimedWeights w = params.cluster().weights().timed();
        double profile = w.density() * density + w.synchrony() * synchrony + w.creationBurst() * creation
                + w.burstShare() * burst;
        double significance = significance(members, internal);
        if (significance == 0 && onlyCoHashtag(signalEdges)) {
            return 0;
        }
        return crowdFactor(id, signalEdges, internal.size())
                * acquaintanceFactor(members, params.cluster().weights().acquaintance())
                * lifted(profile, significance, w.significance());
    }

    /** Whether the cluster's internal edges are all co-hashtag edges (and there is one). O(signals). */
    static boolean onlyCoHashtag(Map<String, Integer> signalEdges) {
        return signalEdges.size() == 1 && signalEdges.containsKey(CoordinationSignal.CO_HASHTAG);
    }

    /**
     * The acquaintance factor of the members ({@link Acquaintance#factor}) at weight g; 1 at weight 0, without
     * counting ties. O(the members' follows) otherwise.
     */
    double acquaintanceFactor(int[] members, double g) {
        return g == 0 ? 1 : Acquaintance.factor(readers.ties(members), g);
    }

    /**
     * The target-cohesion factor of {@code block} ({@link TargetCohesion#factor}) at weight g; 1 without a block or at
     * weight 0, without counting ties. O(the targets' follows) otherwise.
     */
    double cohesionFactor(DenseBlock block, double g) {
        if (block == null || g == 0) {
            return 1;
        }
        int[] targets = block.targets();
        return TargetCohesion.factor(readers.ties(targets), readers.chanceTieDensity(targets), g);
    }

    /** κ of {@code block}'s targets ({@link TargetCohesion#cohesion}). */
    double targetCohesion(DenseBlock block) {
        int[] targets = block.targets();
        return TargetCohesion.cohesion(readers.ties(targets), readers.chanceTieDensity(targets));
    }

    /** The follower and follow index this scorer reads blocks with. */
    LockstepReaders readers() {
        return readers;
    }

    /** The follow ties among {@code members} ({@link LockstepReaders#ties}). */
    Acquaintance.Ties acquaintanceTies(int[] members) {
        return readers.ties(members);
    }

    /**
     * The profile score lifted by the significance term: max(profile, (1 − weight) · profile + weight ·
     * significance). Evidence against the event-aware null model raises a cluster toward the share of its members
     * the null model cannot explain; its absence does not lower a cluster below its profile, because that null model
     * explains an operation's co-actions on items only the operation uses by the operation's own burst
     * ({@link EventNullModel}): not significant is not evidence of innocence. O(1).
     */
    static double lifted(double profile, double significance, double weight) {
        return Math.max(profile, (1 - weight) * profile + weight * significance);
    }

    /**
     * The significance term (see the class comment): the share of the members whose edges with a pair null model
     * (all of the member's edges in the archive when the scorer was given them, else the cluster's internal edges)
     * are, together, evidence against chance at the family-wise level {@value #SIGNIFICANCE_LEVEL}: M / Σ 1/p_i
     * ≤ {@value #SIGNIFICANCE_LEVEL}, p_i the edges' p-values ({@link CoordinationEdge#pValue}), M =
     * {@link #testedPairs}, or whose hashtag-burst edges pass that signal's member test ({@link BurstRecurrence}: the
     * same partners on several short-lived hashtags, which pair tests of two or three shared hashtags cannot show). A
     * member without such an edge is not counted as significant. O(internal edges + members).
     */
    double significance(int[] members, List<CoordinationEdge> internal) {
        if (members.length == 0) {
            return 0;
        }
        double[] inverse = significantByAccount == null ? inverseSums(members, internal) : null;
        int significant = 0;
        for (int i = 0; i < members.length; i++) {
            if (inverse == null ? significantByAccount[members[i]] : significant(inverse[i], testedPairs)) {
                significant++;
            }
        }
        return (double) significant / members.length;
    }

    /**
     * Per account, whether its edges among {@code edges} are evidence against chance: their harmonic mean p-value
     * within the family of {@link #testedPairs} pair tests passes {@link #significant}, or its hashtag-burst edges pass
     * that signal's member test ({@link BurstRecurrence}). The reading of the significance term, and of the hashtag
     * push's core ({@link HashtagPushSignal}). O(edges + accounts + posts), plus hashtag-burst's member test when it
     * is enabled.
     */
    static boolean[] significantAccounts(Activity activity, CoordinationParams params, List<CoordinationEdge> edges) {
        int n = activity.accountCount();
        double[] inverse = inverseSums(n, edges);
        double tested = testedPairs(activity, params);
        boolean[] recurring = params.enabled(CoordinationSignal.HASHTAG_BURST)
                ? BurstRecurrence.significant(activity, params, edges) : null;
        boolean[] out = new boolean[n];
        for (int v = 0; v < n; v++) {
            out[v] = significant(inverse[v], tested) || recurring != null && recurring[v];
        }
        return out;
    }

    /**
     * The family of pair tests the significance term adjusts for: S · n (n − 1) / 2, n the accounts with a timed post,
     * S the enabled signals with a pair null model (at least 1); at least 1. O(posts + signals).
     */
    static double testedPairs(Activity activity, CoordinationParams params) {
        boolean[] posts = new boolean[activity.accountCount()];
        int posting = 0;
        for (int p = 0; p < activity.postCount(); p++) {
            int a = activity.author(p);
            if (a >= 0 && activity.time(p) != Activity.NO_TIME && !posts[a]) {
                posts[a] = true;
                posting++;
            }
        }
        int tests = 0;
        for (String signal : params.signals()) {
            if (Signal.of(signal).pairNullModel()) {
                tests++;
            }
        }
        return Math.max(1, Math.max(1, tests) * (posting * (posting - 1.0) / 2));
    }

    /** Σ 1/p over each account's edges that carry a pair null model, by account. O(edges + accounts). */
    static double[] inverseSums(int accounts, List<CoordinationEdge> edges) {
        double[] inverse = new double[accounts];
        for (CoordinationEdge e : edges) {
            if (!Double.isNaN(e.expected())) {
                double p = e.pValue();
                double r = p <= 0 ? Double.POSITIVE_INFINITY : 1 / p;
                inverse[e.source()] += r;
                inverse[e.target()] += r;
            }
        }
        return inverse;
    }

    /**
     * Σ 1/p over each member's internal edges that carry a pair null model, at the member's index; an edge with p = 0
     * (a tail below the smallest double) adds +∞. O(internal edges · log members).
     */
    static double[] inverseSums(int[] members, List<CoordinationEdge> internal) {
        double[] inverse = new double[members.length];
        for (CoordinationEdge e : internal) {
            if (Double.isNaN(e.expected())) {
                continue;
            }
            double p = e.pValue();
            double r = p <= 0 ? Double.POSITIVE_INFINITY : 1 / p;
            int i = Arrays.binarySearch(members, e.source());
            int j = Arrays.binarySearch(members, e.target());
            if (i >= 0 && j >= 0) {
                inverse[i] += r;
                inverse[j] += r;
            }
        }
        return inverse;
    }

    /**
     * Whether a member whose edges' inverse p-values sum to {@code inverseSum} is significant among {@code tested}
     * pair tests: the harmonic mean p-value of its edges, each test weighted 1 / tested, adjusted to the family, is
     * tested / inverseSum ≤ {@value #SIGNIFICANCE_LEVEL} (Wilson 2019). O(1).
     */
    static boolean significant(double inverseSum, double tested) {
        return inverseSum > 0 && tested / inverseSum <= SIGNIFICANCE_LEVEL;
    }

    /** The synchrony term of two action times a and b under a window: max(0, 1 − |a − b| / window). O(1). */
    static double synchrony(long a, long b, long window) {
        return Math.max(0, 1 - (double) Math.abs(a - b) / window);
    }

    /**
     * 1 − f (1 − c): f is the share of the cluster's internal edges that are co-retweet or co-reply, c the
     * closedness of the members' retweets and replies ({@link CrowdShare}; edge-weighted between the two), so that
     * co-reactions a crowd explains count in proportion to the closedness and the other signals' evidence is kept.
     * A closedness not measured, or of a cluster that met no examined co-actor, counts as 1. O(1).
     */
    double crowdFactor(int id, Map<String, Integer> signalEdges, int internalEdges) {
        int retweets = signalEdges.getOrDefault(CoordinationSignal.CO_RETWEET, 0);
        int replies = signalEdges.getOrDefault(CoordinationSignal.CO_REPLY, 0);
        if (retweets + replies == 0 || internalEdges == 0) {
            return 1.0;
        }
        double closed = retweets * orOne(crowd.retweet(id)) + replies * orOne(crowd.reply(id));
        double c = closed / (retweets + replies);
        double f = (double) (retweets + replies) / internalEdges;
        return 1 - f * (1 - c);
    }

    private static double orOne(double x) {
        return Double.isNaN(x) ? 1.0 : x;
    }

    long window(String signal) {
        return Signal.of(signal).window(params);
    }

    static String kind(Map<String, Integer> signalEdges) {
        Object2IntOpenHashMap<String> byKind = new Object2IntOpenHashMap<>();
        int total = 0;
        for (Map.Entry<String, Integer> e : signalEdges.entrySet()) {
            byKind.addTo(kindOf(e.getKey()), e.getValue());
            total += e.getValue();
        }
        String best = "mixed";
        int bestCount = 0;
        for (var e : byKind.object2IntEntrySet()) {
            if (e.getIntValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getIntValue();
            }
        }
        return total > 0 && bestCount >= 0.6 * total ? best : "mixed";
    }

    static String kindOf(String signal) {
        return Signal.of(signal).kind();
    }

    /**
     * A lower bound on the share of the block's followers that read its targets: max(k / N, the lower end of the
     * Wilson score interval of k / n at {@link #AUDIENCE_Z}), N the followers, n those with at least one timed post in
     * the archive, k the readers: those with a retweet, quote or reply of a post by one of the block's targets (the
     * referenced post's author, known for placeholders of posts outside the archive too) that do not act on the
     * targets in lockstep with the block ({@link LockstepReaders}); 0 for a block without followers or without a
     * posting follower. O(the followers' posts + A log A for their A actions on the targets), plus the followers'
     * follows when one of them acts in lockstep.
     */
    double audienceShare(DenseBlock block) {
        return audienceShare(block, false);
    }

    /**
     * As {@link #audienceShare(DenseBlock)}; with {@code asMeasured} and at least {@code minFollowers} posting
     * followers, k / n itself in place of its lower bound: the share of an unmarked block (the class comment).
     */
    double audienceShare(DenseBlock block, boolean asMeasured) {
        if (block.followers().length == 0) {
            return 0;
        }
        LockstepReaders.Counts c = readersOf(block);
        double seen = asMeasured && c.posting() >= params.follow().minFollowers()
                ? (double) c.readers() / c.posting()
                : wilsonLower(c.readers(), c.posting(), AUDIENCE_Z);
        return Math.max((double) c.readers() / c.followers(), seen);
    }

    /** The block's followers counted by {@link LockstepReaders}: all, posting, acting on a target, reading. */
    LockstepReaders.Counts readersOf(DenseBlock block) {
        return readers.count(block);
    }

    /**
     * The lower end of the Wilson score interval for k successes in n trials at z standard errors; 0 for n = 0.
     * O(1).
     */
    static double wilsonLower(int k, int n, double z) {
        if (n == 0) {
            return 0;
        }
        double p = (double) k / n;
        double z2 = z * z;
        double centre = p + z2 / (2.0 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return Math.max(0, (centre - spread) / (1 + z2 / n));
    }

    /**
     * The creation term (see the class comment): the largest share of members created within one {@code creationBurst}
     * span, or the share created in batches beyond the archive's rate ({@link CreationBatches}) when that is larger.
     * O(s log s + s log N).
     */
    double creationBurst(int[] members) {
        return Math.max(largestCreationBurst(members), batches.share(members));
    }

    /** The largest share of members created within one {@code creationBurst} span; 0 when fewer than half have a time. */
    double largestCreationBurst(int[] members) {
        LongArrayList created = new LongArrayList();
        for (int m : members) {
            long c = activity.accountCreated(m);
            if (c != Activity.NO_TIME) {
                created.add(c);
            }
        }
        if (created.size() < Math.max(2, (members.length + 1) / 2)) {
            return 0;
        }
        long[] t = created.toLongArray();
        Arrays.sort(t);
        int best = 0;
        for (int i = 0, j = 0; j < t.length; j++) {
            while (t[j] - t[i] > params.cluster().creationBurst()) {
                i++;
            }
            best = Math.max(best, j - i + 1);
        }
        return (double) best / members.length;
    }

    double burstShare(int[] members) {
        long bin = params.cluster().burstBin();
        int total = 0;
        for (int m : members) {
            total += postOffsets[m + 1] - postOffsets[m];
        }
        if (total == 0) {
            return 0;
        }
        long[] bins = new long[total];
        long[] pairs = new long[total];
        int k = 0;
        for (int m : members) {
            for (int i = postOffsets[m]; i < postOffsets[m + 1]; i++) {
                bins[k] = Math.floorDiv(activity.time(postsByAuthor[i]), bin);
                pairs[k] = m;
                k++;
            }
        }
        LongArrays.radixSort(bins, pairs);
        int need = Math.max(3, (int) Math.ceil(0.3 * members.length));
        int inBursts = 0;
        for (int s = 0; s < total; ) {
            int e = s;
            int distinct = 0;
            long prev = Long.MIN_VALUE;
            while (e < total && bins[e] == bins[s]) {
                if (pairs[e] != prev) {
                    distinct++;
                    prev = pairs[e];
                }
                e++;
            }
            if (distinct >= need) {
                inBursts += e - s;
            }
            s = e;
        }
        return (double) inBursts / total;
    }

    List<String> topHashtags(int[] members, int limit) {
        Object2IntOpenHashMap<String> counts = new Object2IntOpenHashMap<>();
        for (int m : members) {
            for (int i = postOffsets[m]; i < postOffsets[m + 1]; i++) {
                int p = postsByAuthor[i];
                int src = activity.hashtagCount(p) == 0 && activity.referencedPost(p) != Activity.NONE
                        ? activity.referencedPost(p) : p;
                for (int h = 0; h < activity.hashtagCount(src); h++) {
                    counts.addTo(activity.hashtag(activity.hashtagOf(src, h)), 1);
                }
            }
        }
        List<String> tags = new ArrayList<>(counts.keySet());
        tags.sort(Comparator.comparingInt((String x) -> -counts.getInt(x)).thenComparing(x -> x));
        return tags.subList(0, Math.min(limit, tags.size()));
    }
}
