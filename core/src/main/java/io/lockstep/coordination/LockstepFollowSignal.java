package io.lockstep.coordination;

import com.sun.management.OperatingSystemMXBean;
import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityGraphs;
import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.IntConsumer;

/**
 * Lockstep follows: groups of accounts following the same set of targets (follower farms) more than the model of
 * ordinary following explains. Sharing targets is normal when they are the popular accounts of the followers' own
 * community (the supporters of a party follow its candidate); a block is evidence only when
 * {@link FollowNullModel} (a degree-corrected block model over the follow graph's Leiden communities, Karrer and
 * Newman 2011, with the block's own follows left out of the rates) cannot explain it.
 *
 * <ol>
 *   <li><b>Seed</b>: the densest block of the follower × target graph by FRAUDAR's greedy peeling
 *       ({@link DenseBlockFinder}; Hooi et al., KDD 2016) among the accounts not yet assigned. An edge from i to j
 *       weighs {@code (1 − min(1, λ_ij)) / (ln(d_j + 5) · ln(d_i + 5))}: FRAUDAR's column weight, the same discount
 *       for accounts that follow many, and the edge's surprise under the model (λ_ij the follows of j expected from
 *       i's community, {@link FollowNullModel#surprise}), so that the readers of a community's stars do not fill the
 *       first rounds. Only node sets of the peeling sequence with at least {@code minFollowers} followers,
 *       {@code minTargets} targets and an edge density of {@code minDensity} compete.</li>
 *   <li><b>Seeds from the targets' side</b>, after the peeling rounds: the creation bursts inside one target's
 *       audience ({@link AudienceSeeds}, at most {@value #MAX_AUDIENCE_SEEDS}, strongest first), among the accounts
 *       not yet in a block: a farm found from the client it serves, a spike among the client's followers even when
 *       it is none among the archive's sign-ups (6,666 accounts made in two days on a platform gaining 345 a day).
 *       Peeling on a large archive is seeded round after round by ordinary accounts that follow several
 *       communities' top accounts, and a farm whose members make a dozen follows each is peeled early, never a
 *       suffix of the peeling order. They come after the peeling so that what the peeling finds stays as it was
 *       (a burst farm and an aged farm with overlapping pools grow into one block from a peeled seed; grown from
 *       the burst's audience alone, the aged part was lost). An audience seed that yields no block marks nothing.
 *       Each is then handled as a creation burst (below).</li>
 *   <li><b>Seeds from the clients' side</b>, after the audience bursts: a client's followers that co-follow, by follows
 *       across the coarsest partition's communities, accounts beyond what their communities' habits predict
 *       ({@link ClientSeeds}, at most {@value #MAX_CLIENT_SEEDS}, strongest first, every follower counted by a
 *       bottom-{@value ClientSeeds#SKETCH} sample of its away follows): a farm of aged accounts bought second-hand,
 *       which has no creation burst. Before them, the clients that a block's worth of hired accounts amplify
 *       ({@link AmplifiedClients}; switch {@link #amplifiedClients}): followers that act on the client in lockstep
 *       and post nothing else, whose client the screen ranks below public figures' readers when the farm's past
 *       lives follow those figures. Such a seed was chosen by follows the peeling did not weigh: like a burst, it is
 *       judged on the targets it follows together (its own targets and the ones the screen found), its unexplained
 *       members are anchored while it grows, and it grows among the client's followers only (other groups have
 *       seeds of their own; a heavy reader following many of a farm's stars but not its client is not its member).
 *       The client's followers already in a kept block are held out of the
 *       rates while its seed is judged ({@link Growth#hold}): they are the part of its farm found earlier (peeling
 *       hands out an aged farm a piece at a time), and counted as ordinary readers their follows of the pool would
 *       explain the rest. Only the client's own followers: holding out every kept block's members made later honest groups unexplained
 *       wherever an earlier block was an honest crowd (docs/quality.md, "Aged farms traced"). A client seed holding a
 *       creation burst grows from the burst (a fresh farm of the client's vendors, bought with the aged one); when
 *       that yields no block, the seed is judged once more without the burst, as above: judged once, a fresh farm
 *       whose burst yields nothing there (other rounds find it) took the aged farm beside it out of the search
 *       ({@code ClientSeedsTest}; the fourth generator's w1 at analysis seed 42). A client seed that yields no block marks nothing.</li>
 *   <li><b>Seeds from a follower service's pool</b>, after every other round ({@link PoolSeeds}, at most
 *       {@value #MAX_CLIENT_SEEDS}, from every partition, finest first): a drip-feed pool, created one account at a
 *       time over months and delivering follows to many small clients, which modularity makes one community with its
 *       clients at every resolution (so the client screen and the peeling do not see it); the seed is a community's
 *       members that follow two or more of its clients one-way (captured targets that do not follow back their
 *       followers there), with those clients. Like a client seed it is judged on its clients and its own targets,
 *       its unexplained members anchored, and it grows among the clients' followers; no creation burst cuts it (a pool
 *       is made over months, and a fresh farm that Leiden puts in the same community would take its place). Coming
 *       last, it changes no block found before it. A pool seed that yields no block marks nothing. The pools are
 *       also searched in the communities of the archive's interactions ({@link #actionPartition}): a farm of aged
 *       accounts bought second-hand lives, by the follows of its past lives, in many communities of the follow
 *       graph, and is gathered with its clients by what it does for them.</li>
 *   <li><b>Seeds from a community's captured targets</b> (off by default: {@link #capturedSeeds}), after the audience bursts and before the client seeds
 *       ({@link CapturedTargetSeeds}, at most {@value #MAX_CLIENT_SEEDS}, from every partition, finest first): a
 *       farm that the partition makes a community of its own with its clients (a slow farm, made one by one over
 *       months, each member following part of a queue of a few obscure clients), whose members are tied to their
 *       community only by the accounts whose audience it owns and that are not rooted in it. The client screen
 *       counts co-follows across communities and sees nothing there; peeling weights such follows at the surprise
 *       floor. The seed's free members are anchored whole (each follows two or three of a handful of clients, too
 *       few follows for a member test of its own; once grown, those that follow fewer than the light floor of the
 *       block's targets leave it, {@link #coFollowers}: a community's member following two of its other captured
 *       targets is no member of the block grown from them), it grows among the followers of its targets, its members
 *       already in a kept block that follow those targets are held out of the rates ({@link Growth#hold}), its
 *       creation burst must pass a rate test ({@link #burstCore(Activity, int[], boolean)}), and the block test
 *       keeps it from two targets when all of them are captured targets of some partition (the floor of
 *       {@code minTargets} otherwise): a farm of five clients cannot have six. They come before the client seeds
 *       so that a slow farm is judged whole, not split between a client seed's heavy followers and the rest. A
 *       captured seed that yields no block marks nothing.</li>
 *   <li><b>The creation burst as supporting evidence</b>: when at least {@code minFollowers} of the seed's
 *       followers were created within one {@code creationBurst} span, growth starts from them alone (the core; the
 *       whole seed otherwise); of those, only the ones whose follows the model does not explain (when at least two
 *       are): of the core's own targets (see Growth below) for a burst, of the seed's peeled targets otherwise. A
 *       burst is not judged on the peeled targets: they are mostly those of the readers the peeling mixed in, and
 *       the stars of a farm's pool are among them, expected from their popularity. (Judging a seed without a burst
 *       on its own grown targets too let a block of 52 readers of one small community through in the
 *       60-community matrix cell.) Both pick where growth starts; the members of a creation burst that pass
 *       that test also stay in the block while it grows (anchored: a sparse farm, each member following a third of
 *       its targets, would otherwise lose the members that follow fewer than {@code minTargets} of one step's
 *       targets, then those targets, until nothing is left). Membership is decided by follows.</li>
 *   <li><b>Few targets, and sign-up waves</b>: what a block grown from a cohort created together follows tells a
 *       farm from honest newcomers. A cohort is a seed's creation burst that is also a spike among the seed's own
 *       creations (the rate test of {@link #burstCore(Activity, int[], boolean)}): ten readers of a large seed made in
 *       one week of eight years are a burst for growth, not a cohort; the rules below, and the block test's hold-out
 *       of the cohort ({@link Growth#judgeBurst}), apply to cohorts only, and not to the captured seeds, which have
 *       rules of their own. A farm exists to serve its clients, so among its targets are
 *       <i>captured</i> accounts: accounts whose audience one community of a partition owns (more than half of their
 *       followers) without their being rooted in it ({@link CapturedTargetSeeds#capturedTargets}; a client's own
 *       follows go to the community it lives in, or nowhere), counted over the model's partitions
 *       ({@link CapturedTargetSeeds#capturedCounts}). A platform's onboarding shows newcomers a list of accounts to
 *       follow made of the most-followed ones, globally and per interest (P. Gupta, A. Goel, J. Lin, A. Sharma,
 *       D. Wang and R. Zadeh, "WTF: The Who to Follow Service at Twitter", WWW 2013,
 *       <a href="https://doi.org/10.1145/2488388.2488433">doi:10.1145/2488388.2488433</a>): a community's stars and
 *       accounts followed across the platform, which their own community's audience or the whole platform's owns, so
 *       none of them is captured. A target is captured <i>by a block</i> in a partition when it is a captured target
 *       of the community that also holds most of the block's followers of it ({@link CapturedTargetSeeds#capturedBy}:
 *       a finer partition can show a big community's star as captured by a piece of that community, which the
 *       newcomers, spread over the platform, are not in), and in every partition when the block follows it at least
 *       {@code minLift} times as often as the rest of the platform (a farm of accounts spread over many communities
 *       owns its clients' audience though no community does). Both ways, with "captured" meaning captured by the block in
 *       most of the partitions (one resolution can merge a wave with one star's readers): a block grown from a
 *       cohort with a captured target is kept from two targets instead of {@code minTargets} (a fresh farm
 *       whose vendor serves two or three clients and otherwise follows the platform's top accounts, which the model
 *       explains, has three or four targets: {@link #blockFloor}), and the burst's members that follow two of the
 *       targets it captures join it before the block test ({@link #ownersFollowers}); a block grown from a cohort
 *       none of whose targets is captured, whose members the finest partition spreads over many communities (newcomers go
 *       on to follow people they know, and land in the communities of their own lives) and whose members' other follows
 *       stay inside their communities as often as the communities' habits predict, is what a suggestion list
 *       explains, and is not kept ({@link StarterLists}; {@link #onboardingTest}), however dense: a
 *       wave of sign-ups accepting one starter list follows it at a density no community's habits predict. Its
 *       members leave growth as a kept block's do: the list accounts for their shared follows, and recruited into a
 *       later block by them they would change that block for no new evidence. A farm that follows one
 *       client besides the platform's popular accounts keeps the block: its client is captured, or, when the client
 *       has an audience of its own that the farm does not own, the finest partition gathers its members in one
 *       community or in pieces of their own (their only ties are the block's) or their other follows are the vendor's
 *       camouflage spread over the platform; co-action signals judge the wave's members on their own clusters.</li>
 *   <li><b>Growth</b> (lockstep propagation, as in LockInfer: Jiang et al., PAKDD 2014) from followers F to a fixed
 *       point, at most {@value #MAX_GROWTH_STEPS} steps:
 *     <ul>
 *       <li>targets T: the accounts followed by at least {@code minDensity} of F (and by two) at least
 *           {@code minLift} times as often as the model expects from F's communities, with a Poisson tail
 *           P(Poisson(E_j) ≥ y_j) ≤ {@code maxPValue};</li>
 *       <li>followers F: every unassigned account following at least {@code minTargets} of T whose follows of
 *           the targets that its community does not already lead it to follow (expected count below 1/2) are at
 *           least {@code minLift} times the model's expectation, with the same Poisson tail; the members of the
 *           seed's creation burst without the {@code minTargets} floor (that floor guards recruitment from the
 *           whole graph; the burst is a handful of accounts chosen by creation time, which says nothing of whom
 *           they follow), and so are the accounts created within the burst's span that follow at least the light
 *           floor (below) of T: the burst seen through one target's audience is part of a farm made in those
 *           days, whose other members follow other parts of its clients. They are judged at every step, not once
 *           after growth: the targets of the next step are
 *           then those of every member the model cannot explain, and a farm first seen through a few of its
 *           members (its burst mixed with as many ordinary sign-ups, whose targets outnumber its own) grows to the
 *           targets the whole farm follows together. A <i>light</i> account, following fewer than
 *           {@code minTargets} of T but at least max(2, ⌈{@code minDensity} · |T|⌉) of them, is admitted when the
 *           same test passes at the Bonferroni-corrected tail {@code maxPValue} / K, K the accounts the step
 *           examines (C. E. Bonferroni 1936; the family-wise error of the step's light admissions stays at most
 *           {@code maxPValue} whatever the archive's size): a farm paid to follow a queue of 7–10 clients, whose
 *           members have each worked through part of it, has most of its members under the floor. Once
 *           ⌈{@code minDensity} · |T|⌉ reaches {@code minTargets} (21 targets with the defaults) only the floor
 *           applies. The
 *           accounts growth may admit are also those held out of the rates ({@link Growth#heldOut}).</li>
 *     </ul></li>
 *   <li><b>The block test</b>: the grown block is kept when it has at least {@code minFollowers} followers,
 *       {@code minTargets} targets, density {@code minDensity}, and its one-way follows inside the block (a
 *       follow the target returns is a tie between two accounts, not evidence: {@link Growth#test}) are at least
 *       {@code minLift} times the model's expectation with P(Poisson(E) ≥ O) ≤ {@code maxPValue}; a block with most
 *       of its followers and most of its targets in one community of a partition passes only when that test also
 *       holds with the community refitted on its own follows ({@link Models#refined}: modularity merges small
 *       communities, and their readers of their own stars look like a block in the merged one). A block kept from a
 *       seed the peeling alone chose (no creation burst, no client's audience) must also beat the interest
 *       communities ({@link InterestModel}; {@link #interestTest}): readers of one interest spread over many friend
 *       communities follow its stars together, and a block their interest explains is no finding; its members leave
 *       growth as a starter list's wave does. So must a block from a client's seed without a creation burst whose
 *       members mostly have an audience of their own ({@link #audienceOfTheirOwn}): followers they did not follow
 *       first and that were not made within half a year of them (the longest span the audience model of
 *       {@link BoughtAudiences} calls one vendor's batch), as readers have and a pool's or a fresh farm's accounts,
 *       followed back or by their own batch, do not (aged accounts bought second-hand keep
 *       their past audience, and are judged: no interest explains a vendor's unrelated clients); when it is
 *       explained, its members nobody knows stay in growth (a pool's or a farm's accounts the client's readers
 *       carried in are still to be found), unless a block's worth of its followers are hired by its targets
 *       ({@link #hiredBlock}): a farm bought second-hand shares its past lives' tastes with the readers, not their
 *       posts. The grown
 *       followers and the seed's core (the whole seed when nothing grew) leave the seed search. Only the members of
 *       a kept block leave growth (an account is in one block at most): a rejected seed is a verdict on the seed,
 *       not on each of its members. Peeling hands a farm without a creation burst out a few members at a time
 *       inside seeds of several hundred readers, and such a seed is judged, and rejected, on its readers' targets,
 *       so a member met there was never tested against its own farm's targets; retiring it made the verdict depend
 *       on the order the search met the seeds (a matrix cell's aged farm found under one analysis seed and not
 *       another, a burst farm's block grown without four members met first in a rejected seed). FRAUDAR's
 *       search for several blocks likewise removes only the blocks it detects before the next round (Hooi et al.,
 *       KDD 2016, section 4). A member is still admitted only by the growth and block tests against the block's
 *       own targets. A kept block is reported without its thin members ({@link Growth#withoutThin}: outside the
 *       seed's burst and anchored members, those following fewer than ⌈{@code minDensity} · |T|⌉ of its targets
 *       that someone outside the block follows), judged again by the block test (the whole block when the rest fails
 *       it); the thin members leave the search with the block, so that the later rounds are those without the trim.
 *       At most {@code maxBlocks} rounds.</li>
 *   <li><b>The cohort pass</b> ({@link #cohortsWhole}), after every other round: each creation burst's members not
 *       in a kept block, judged as a whole on the targets it captures ({@link #cohortBlock}), with the archive's
 *       other bursts held out of the rates as suspects ({@link FollowNullModel}, "Suspects"): a botnet made in
 *       several bursts, which the partition makes one community with the seeds it follows, would otherwise have each
 *       burst explained by the others as a community following its own stars. It
 *       runs last so that no other round's verdict depends on it: a block it keeps leaves the peeling, the growth
 *       and the order of the later seeds as they were.</li>
 *   <li><b>The bought audiences</b> ({@link #boughtAudiences}), last: the accounts that follow an account in a batch
 *       made together and known to nobody outside it, far beyond the accounts created around them, not in a kept
 *       block or in a block of readers they leave ({@link BoughtAudiences}: a model of who follows an account, where
 *       the follow model's blocks need several shared targets and a one-client farm shares one).</li>
 * </ol>
 * A kept block is one finding ({@link DenseBlock}: members, targets, density, observed and expected follows,
 * p-value, in {@link SignalGraph#blocks()}). Its edges stay linear in its size: each member is linked to its
 * {@code partners} most similar fellow members (Jaccard of their followed sets within the block; ties: more shared
 * targets, then the smaller id), weight = that Jaccard, count = shared targets, evidence = shared target account ids
 * with the two accounts' creation times. Blocks larger than {@value #MAX_BLOCK_FOLLOWERS} followers keep their most
 * connected followers.
 *
 * <p>Cost: the model's three Leiden partitions (fitted side by side on {@code concurrency} threads), O(m) for the surprise,
 * O(m log d) for the audience bursts (each target's follower creation times sorted), at most
 * {@value ClientSeeds#SKETCH} · m + O(m + Σ a_f log a_f) for the client seeds (screened on {@code concurrency}
 * threads), O(n + m) per partition for the captured targets (the floor and the onboarding test; the captured seeds when on),
 * O(n + m log d) per partition for the pools' seeds ({@link PoolSeeds}) and, when accounts act on each other, one
 * Leiden fit over the interactions (O(posts + m) to build them; {@link #actionPartition}),
 * O(n + m) per partition for each cohort block none of whose targets is captured ({@link StarterLists#homeFollows}),
 * O(n + m + Σ d log d) for the bought audiences ({@link BoughtAudiences}),
 * one Leiden fit over the follows of popular accounts when the first peeled block is kept, and O(Σ in-degrees of T +
 * |T| · |F|) per such block ({@link InterestModel}), then
 * O(m + maxBlocks · (n + m_C log n_C + g · m_B)) for m follows: the first peeling round climbs a ladder of cores in
 * O(m), later rounds update it from the accounts they exclude, and each peels only the last core, of m_C follows,
 * with a heap ({@link DenseBlockFinder#densest}); g growth steps each touch the m_B follows of the block's
 * followers and targets; plus O(|F|² |T| / 64) per kept block. Deterministic: Leiden is
 * seeded with {@link CoordinationParams#seed()}, peeling breaks ties by id.
 */
public final class LockstepFollowSignal implements CoordinationSignal {
    static final int MAX_BLOCK_FOLLOWERS = 5_000;
    static final int MAX_GROWTH_STEPS = 16;
    /** At most this many audience bursts ({@link AudienceSeeds}) are tried, strongest first. */
    static final int MAX_AUDIENCE_SEEDS = 20;
    /** At most this many client-side seeds ({@link ClientSeeds}) are tried, strongest first. */
    static final int MAX_CLIENT_SEEDS = 20;
    private final CoordinationParams.FollowParams params;
    /** The co-retweet signal's window and minimum of shared posts: when a block's followers act in lockstep. */
    private final CoordinationParams.CoAction coRetweet;
    private final int evidenceCap;
    private final long seed;
    private final int concurrency;
    /**
     * Whether the rounds from the communities' captured targets run ({@link CapturedTargetSeeds}); off by default:
     * they find slow farms that no other seed holds, but in the third generator's h2 a captured seed of 39 honest
     * accounts grows into a block of 58 (cohort, list followers, ordinary accounts) that the cluster score flags
     * (docs/quality.md, "Few-client farms and sign-up waves").
     */
    boolean capturedSeeds = false;
    /**
     * Whether a block grown from a cohort is rejected when a starter list explains it ({@link StarterLists#explains}:
     * none of its targets captured by it, its members neither gathered nor cut into pieces of their own by the finest
     * partition, their other follows as homophilous as their communities' or short of it by less than a third); on
     * by default. It clears every honest
     * sign-up wave of the fourth generator and keeps the simulator's burst farm in every robustness-matrix cell and in
     * 500-account archives. What it costs on the evaluation archives is measured in docs/quality.md ("The starter-list
     * rule on by default"): g4's retweet-botnet amplifiers 141 → 135 (their co-retweet cluster, at the verdict's
     * threshold, splits once the wave's block leaves the combined graph) and three accounts flagged only as members of
     * an honest wave's block; n2's churn farm (flagged by co-text, 84 without the rule) is kept (86).
     */
    boolean onboardingTest = true;
    /**
     * Whether a block the tests keep from a seed the peeling alone chose (no creation burst, no client's audience
     * behind it) is also judged against interest communities ({@link InterestModel}): a block its followers' shared
     * taste explains is no finding, and its members leave growth as an explained wave's do. Readers of one interest
     * spread over many friend communities follow its stars together at about ten times the friend communities' rate
     * (z4 of docs/quality.md: 27 such blocks, 72–96 honest accounts flagged at seeds 42 and 2); the interest
     * communities expect them. Seeds chosen by other evidence are not judged: a fresh farm's burst and a client's
     * co-following audience are evidence the interest communities cannot weigh; but a client's seed without a burst
     * whose block's members mostly have an audience of their own ({@link #audienceOfTheirOwn}) is, since that
     * audience is what its readers have and its farm would not (z4fl of docs/quality.md at seed 1: a client's
     * readers' blocks, 81 honest accounts flagged). When such a block is explained, only its members with an
     * audience leave growth: readers carry a few accounts of a pool or a churn farm in (2–5 of 135), which the later
     * rounds and the bought audiences still need (drip-feed recall 0.920 → 0.889 at seed 1 when they left with the
     * readers), while readers left in growth build other readers' blocks in later client rounds. An explained
     * client's block with a block's worth of hired followers ({@link #hiredBlock}) is kept: v2's aged farm of
     * docs/quality.md, 180 aged accounts among 279 followers, is explained by the interest communities (the accounts'
     * past lives) and is hired by its clients (all 180 retweet them in lockstep, 136 posting nothing else; the
     * honest readers' blocks explained beside it: at most 4 in lockstep and none hired).
     */
    boolean interestTest = true;
    /**
     * Whether the cohort pass runs ({@link #cohortBlock}): after every other round, each creation burst is judged as
     * a whole on the targets it captures, its members following two of them or more making the block.
     * It adds blocks and changes none that the other rounds keep. On by default: with {@link #unfollowedCohorts} it
     * found fresh farms that no other round reaches on archives made after it and shown to nobody who tuned it, and
     * added no honest account there, on the evaluation archives or in the robustness matrix (docs/quality.md, "Fresh
     * farms judged by their cohort" and "The switches judged on archives nobody had seen").
     */
    boolean cohortsWhole = true;
    /**
     * Whether the cohort pass also judges a cohort's unfollowed members ({@link #unfollowedBlock}) when the block of
     * its captured targets is not kept: the members no account outside the cohort follows, on their own targets,
     * from one target. Used only with {@link #cohortsWhole} on; on by default with it (docs/quality.md, "Fresh farms
     * on archives they were not tuned on").
     */
    boolean unfollowedCohorts = true;

    /**
     * Whether the bought audiences are judged ({@link BoughtAudiences}), after the cohort pass: blocks of an account's
     * followers created in one batch that nobody outside their batch follows, far more often than the accounts
     * created around them, judged by the model of who follows an account rather than of whom accounts follow. It
     * adds blocks, and takes their members out of the blocks of readers other rounds kept (blocks most of whose
     * followers someone outside their batch follows); the other blocks stay as they were. On by default
     * (docs/quality.md, "Bought audiences").
     */
    boolean boughtAudiences = true;

    /**
     * Whether {@link #unfollowedBlock} judges the unfollowed members again placed by their follows outside the
     * accounts under test when their communities explain them ({@link Growth#placeByOtherFollows}); on by default
     * (docs/quality.md, "Fresh farms placed by their other follows"), off for comparisons.
     */
    boolean homesWithoutTargets = true;

    /**
     * Whether growth's member test, in the rounds whose seed other evidence than the peeling chose (a creation burst,
     * a client's, a community's captured targets', a pool's) and in the cohort pass, also judges a candidate that
     * nobody outside the block and its candidates follows placed by its follows outside the targets
     * ({@link Growth#followers}); on by default (docs/quality.md, "Recruits placed by their other follows"), off for
     * comparisons.
     */
    boolean homesForRecruits = true;
    /**
     * Whether the clients a block's worth of hired accounts amplify ({@link AmplifiedClients}) are client seeds too,
     * tried before the co-following screen's; on by default. Off, for comparing a graph's blocks with and without
     * them.
     */
    boolean amplifiedClients = true;
    /**
     * Whether the rounds from follower services' pools run ({@link PoolSeeds}); on by default. They come after every
     * other round, so the blocks found before them are the same either way; off, for comparing a graph's blocks
     * with and without them.
     */
    boolean poolSeeds = true;
    /**
     * Whether the pools' seeds are also searched in the communities of the archive's interactions
     * ({@link #actionPartition}); on by default. Off, for comparing a graph's blocks with and without them.
     */
    boolean actionPartition = true;
    /** Wall time of the last {@link #graph} call by phase, for benchmark mains; see {@link Phase}. */
    final long[] phaseNanos = new long[Phase.values().length];
    /** Seed rounds of the last {@link #graph} call (creation bursts, peeling rounds and audience bursts tried). */
    int rounds;

    /** The phases of {@link #graph} that {@link #phaseNanos} times. */
    enum Phase { FOLLOWS, PARTITIONS, SURPRISE, BURSTS, CLIENTS, PEELING, GROWTH, TEST, BOUGHT, EDGES }

    /** Process CPU time of the last {@link #graph} call by phase (all threads; -1 where the JVM cannot tell). */
    final long[] phaseCpuNanos = new long[Phase.values().length];
    private long cpuMark;

    /** The seed rounds of {@link #graph} by where their seed comes from, for {@link #roundNanos}. */
    enum RoundKind { COHORT, PEELED, AUDIENCE, CAPTURED, CLIENT, POOL }

    /** Wall time of the last {@link #graph} call's rounds by {@link RoundKind} (across the phases they span). */
    final long[] roundNanos = new long[RoundKind.values().length];
    /** Process CPU time of the last {@link #graph} call's rounds by {@link RoundKind}. */
    final long[] roundCpuNanos = new long[RoundKind.values().length];
    /** Rounds of the last {@link #graph} call by {@link RoundKind}. */
    final int[] roundCounts = new int[RoundKind.values().length];

    /** Wall time, process CPU time and count of the block tests' refits ({@link Models#refined}), last call. */
    long refitNanos;
    long refitCpuNanos;
    int refits;

    private void chargeRound(RoundKind kind, long since, long cpuSince) {
        roundNanos[kind.ordinal()] += System.nanoTime() - since;
        roundCpuNanos[kind.ordinal()] += processCpu() - cpuSince;
        roundCounts[kind.ordinal()]++;
    }

    private long lap(Phase phase, long since) {
        long now = System.nanoTime();
        phaseNanos[phase.ordinal()] += now - since;
        long cpu = processCpu();
        phaseCpuNanos[phase.ordinal()] += cpu - cpuMark;
        cpuMark = cpu;
        return now;
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** The signal with the model's Leiden fits on all available processors. */
    public LockstepFollowSignal(CoordinationParams params) {
        this(params, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param concurrency threads for the model's Leiden fits and the client screen, at least 1; the result does not
     *                    depend on it
     */
    public LockstepFollowSignal(CoordinationParams params, int concurrency) {
        Objects.requireNonNull(params, "params");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }
        this.concurrency = concurrency;
        this.params = params.follow();
        this.coRetweet = params.coRetweet();
        this.evidenceCap = params.evidenceCap();
        this.seed = params.seed();
    }

    @Override
    public String name() {
        return LOCKSTEP_FOLLOW;
    }

    /**
     * The distinct follows of {@code activity} without self-follows, as a finder over its accounts (built straight
     * from the activity's follow arrays: no copy of the follows besides the finder's own adjacency).
     */
    static DenseBlockFinder follows(Activity activity) {
        return DenseBlockFinder.ofFollows(activity.accountCount(), activity.followCount(), activity::follower,
                activity::followee);
    }

    /**
     * The distinct follows of {@code activity} without self-follows, each as {@code follower << 32 | followee}
     * (account ids of the activity), ascending: the follow graph this signal works on. O(m) (radix sort).
     */
    public static long[] distinctFollows(Activity activity) {
        int m = activity.followCount();
        long[] pairs = new long[m];
        for (int i = 0; i < m; i++) {
            pairs[i] = ((long) activity.follower(i) << 32) | activity.followee(i);
        }
        LongArrays.radixSort(pairs);
        int d = 0;
        for (int i = 0; i < m; i++) {
            if ((i == 0 || pairs[i] != pairs[i - 1]) && (int) (pairs[i] >>> 32) != (int) pairs[i]) {
                pairs[d++] = pairs[i];
            }
        }
        return Arrays.copyOf(pairs, d);
    }

    @Override
    public SignalGraph graph(Activity activity, ProgressListener progress, TerminationFlag termination) {
        startPhases();
        long clock = System.nanoTime();
        DenseBlockFinder finder = follows(activity);
        lap(Phase.FOLLOWS, clock);
        return graph(activity, finder, progress, termination);
    }

    /** Clears the phase timers ({@link #phaseNanos}) before a run. */
    private void startPhases() {
        Arrays.fill(phaseNanos, 0);
        Arrays.fill(phaseCpuNanos, 0);
        Arrays.fill(roundNanos, 0);
        Arrays.fill(roundCpuNanos, 0);
        Arrays.fill(roundCounts, 0);
        refitNanos = 0;
        refitCpuNanos = 0;
        refits = 0;
        cpuMark = processCpu();
        rounds = 0;
    }

    /**
     * This signal on a follow graph computed elsewhere (the Spark engine parses and deduplicates the follow files
     * in its tasks): {@code follows} must be what {@link #distinctFollows} derives from {@code activity} (each
     * distinct follow once as {@code follower << 32 | followee}, ascending, no self-follow, ids of the activity's
     * accounts); the null model, the seeds, growth and the block test run here on it, so the result is the one
     * {@link #graph(Activity, ProgressListener, TerminationFlag)} gives. The activity supplies creation times and
     * account ids. O(m) to check the input, then as the other entry.
     *
     * @throws IllegalArgumentException when {@code follows} is not strictly ascending, holds a self-follow or an id
     *                                  outside the activity's accounts
     */
    public SignalGraph graph(Activity activity, long[] follows, ProgressListener progress,
                             TerminationFlag termination) {
        return graph(activity, follows, null, progress, termination);
    }

    /**
     * The peeling's edge weights computed elsewhere once the model's partitions are known: the Spark engine counts
     * each target's followers per community in its tasks ({@link #surprise(long, long)} per follow) instead of
     * {@link FollowNullModel#surprise} walking the follow graph here. The graph's follows are a pure input of those
     * counts; the partitions are the one thing that needs the whole graph in one place (Leiden), so they are
     * fitted here and handed over.
     */
    @FunctionalInterface
    public interface SurpriseSource {
        /**
         * @param partitions the community of every account (0..k−1, one array of the activity's account count per
         *                   partition, in the model's resolution order)
         * @return for every follow of the graph, in the graph's (ascending) order, the largest over the partitions
         *         of {@link LockstepFollowSignal#surprise(long, long)} with the target's followers in the follower's
         *         community and all the target's followers
         */
        double[] surprise(List<int[]> partitions);
    }

    /**
     * The surprise of one follow of a target with {@code followers} followers, {@code sameCommunity} of them (the
     * follower included) in the follower's community under one partition: the model's formula
     * ({@link FollowNullModel}; its floor when the target has no other follower), for {@link SurpriseSource}s.
     */
    public static double surprise(long sameCommunity, long followers) {
        if (followers < 1 || sameCommunity < 1 || sameCommunity > followers) {
            throw new IllegalArgumentException("followers must be at least 1 and sameCommunity in [1, followers], got "
                    + sameCommunity + " of " + followers);
        }
        return followers == 1 ? FollowNullModel.SURPRISE_FLOOR : FollowNullModel.surprise(sameCommunity, followers);
    }

    /**
     * What {@link SurpriseSource#surprise} must return, computed here the way {@link #graph} computes it: the
     * largest over {@code partitions} of each follow's surprise ({@code follows} as for {@link #graph(Activity,
     * long[], ProgressListener, TerminationFlag)}, over {@code n} accounts). O(m) per partition.
     */
    public static double[] surprise(int n, long[] follows, List<int[]> partitions) {
        int[] follower = new int[follows.length];
        int[] followee = new int[follows.length];
        for (int i = 0; i < follows.length; i++) {
            follower[i] = (int) (follows[i] >>> 32);
            followee[i] = (int) follows[i];
        }
        DenseBlockFinder finder = new DenseBlockFinder(n, follower, followee);
        List<FollowNullModel> models = new ArrayList<>();
        for (int[] p : partitions) {
            if (p.length != n) {
                throw new IllegalArgumentException("a partition must give the community of each of the " + n
                        + " accounts, had " + p.length);
            }
            models.add(new FollowNullModel(finder, p));
        }
        return new Models(models, 0).surprise();
    }

    /**
     * As {@link #graph(Activity, long[], ProgressListener, TerminationFlag)}, with the peeling's edge weights from
     * {@code surprise} (null: computed here) once the model's partitions are fitted; the result is the same when
     * the source returns what its contract says.
     *
     * @throws IllegalArgumentException when {@code follows} is not strictly ascending, holds a self-follow or an id
     *                                  outside the activity's accounts
     * @throws IllegalStateException    when the source returns other than one weight per follow
     */
    public SignalGraph graph(Activity activity, long[] follows, SurpriseSource surprise, ProgressListener progress,
                             TerminationFlag termination) {
        Objects.requireNonNull(follows, "follows");
        startPhases();
        long clock = System.nanoTime();
        int n = activity.accountCount();
        for (int i = 0; i < follows.length; i++) {
            int follower = (int) (follows[i] >>> 32);
            int followee = (int) follows[i];
            if (follows[i] < 0 || follower >= n || followee < 0 || followee >= n || follower == followee
                    || (i > 0 && follows[i] <= follows[i - 1])) {
                throw new IllegalArgumentException("follows[" + i + "] (" + follower + " -> " + followee
                        + ") is not a distinct follow between two of the activity's " + n
                        + " accounts in ascending order");
            }
        }
        DenseBlockFinder finder = DenseBlockFinder.ofPairs(n, follows);
        lap(Phase.FOLLOWS, clock);
        return graph(activity, finder, surprise, progress, termination);
    }

    private SignalGraph graph(Activity activity, DenseBlockFinder finder, ProgressListener progress,
                              TerminationFlag termination) {
        return graph(activity, finder, null, progress, termination);
    }

    private SignalGraph graph(Activity activity, DenseBlockFinder finder, SurpriseSource surprise,
                              ProgressListener progress, TerminationFlag termination) {
        int n = activity.accountCount();
        progress.begin(name(), params.maxBlocks() + 1L);
        long clock = System.nanoTime();
        if (finder.edgeCount() == 0) {
            progress.end();
            return new SignalGraph(name(), List.of(), 0, 0);
        }
        Models model = Models.fit(finder, n, seed, concurrency, termination);
        InterestModel interest = null; // fitted when the first block needs it
        clock = lap(Phase.PARTITIONS, clock);
        termination.assertRunning();
        double[] weights = surprise == null ? model.surprise(concurrency, termination)
                : surprise.surprise(model.partitions(n));
        if (weights == null || weights.length != finder.edgeCount()) {
            throw new IllegalStateException("the surprise source must return one weight per follow ("
                    + finder.edgeCount() + "), returned " + (weights == null ? "null" : weights.length));
        }
        finder.setEdgeWeights(weights);
        clock = lap(Phase.SURPRISE, clock);
        progress.advance(1);
        long[] created = new long[n];
        for (int v = 0; v < n; v++) {
            created[v] = activity.accountCreated(v);
        }
        Growth growth = new Growth(finder, model, n, created);
        // the longest span over which the audience model calls accounts one vendor's batch (a pool made over months)
        long batchSpan = BoughtAudiences.SPANS[BoughtAudiences.SPANS.length - 1] * params.creationBurst();
        boolean[] peeled = new boolean[n]; // out of the seed search
        boolean[] spent = new boolean[n]; // in a kept block: out of growth too
        // per account spent by an explained block, that block's targets (ascending): their follows are accounted for
        int[][] accounted = new int[n][];
        List<DenseBlock> blocks = new ArrayList<>();
        List<int[]> cohorts = creationBursts(activity, finder);
        List<int[]> audiences = audienceBursts(activity, finder);
        clock = lap(Phase.BURSTS, clock);
        List<int[]> partitions = model.partitions(n);
        // the archive's posts by author: who acts on a client in lockstep (AmplifiedClients, hiredBlock)
        LockstepReaders actors = LockstepReaders.of(activity, coRetweet.window(), coRetweet.minShared());
        List<ClientSeeds.Seed> clients = clientSeeds(finder, n, partitions.get(0), termination);
        if (amplifiedClients) {
            // the clients a block's worth of hired accounts amplify come first: what the farm does for its client
            // is stronger evidence than the co-following the screen ranks, and their rounds take the farm's
            // accounts before a readers' block of a public figure, which the farm's past lives follow, holds them
            List<ClientSeeds.Seed> amplified = AmplifiedClients.seeds(activity, finder, actors, coRetweet.minShared(),
                    params.minFollowers(), params.minDensity(), MAX_CLIENT_SEEDS);
            if (!amplified.isEmpty()) {
                List<ClientSeeds.Seed> all = new ArrayList<>(amplified);
                all.addAll(clients);
                clients = all;
            }
        }
        List<CapturedTargetSeeds.Seed> captured = capturedSeeds ? capturedSeeds(finder, n, partitions) : List.of();
        // each partition's captured targets: the block test's floor and the onboarding test
        int[][] homes = CapturedTargetSeeds.homes(finder, n, partitions);
        int[] capturedIn = CapturedTargetSeeds.counts(homes);
        int most = partitions.size() / 2 + 1;
        List<PoolSeeds.Seed> pools = List.of();
        if (poolSeeds) {
            int[] actions = actionPartition ? actionPartition(activity, termination) : null;
            pools = actions == null ? poolSeeds(finder, n, partitions, homes)
                    : poolSeeds(finder, n, partitions, homes, actions);
        }
        clock = lap(Phase.CLIENTS, clock);
        // rounds: the archive's creation bursts, then the peeling, then the audience bursts, then the communities'
        // captured targets, then the clients' seeds, then the follower services' pools
        int firstAudience = cohorts.size() + params.maxBlocks();
        int firstCaptured = firstAudience + audiences.size();
        int firstClient = firstCaptured + captured.size();
        int firstPool = firstClient + clients.size();
        int roundCount = firstPool + pools.size();
        RoundKind kind = null;
        long roundStart = 0;
        long roundCpu = 0;
        // a client's seed whose creation burst yields nothing is judged again as a client's seed (see below); the
        // second judgement belongs to the same round: not counted, timed or reported to progress again
        int burstless = -1;
        for (int round = 0; round < roundCount; round++) {
            if (round != burstless) {
                if (kind != null) {
                    chargeRound(kind, roundStart, roundCpu);
                }
                roundStart = System.nanoTime();
                roundCpu = processCpu();
                rounds++;
            }
            kind = round >= firstPool ? RoundKind.POOL : round >= firstClient ? RoundKind.CLIENT
                    : round >= firstCaptured ? RoundKind.CAPTURED : round >= firstAudience ? RoundKind.AUDIENCE
                    : round < cohorts.size() ? RoundKind.COHORT : RoundKind.PEELED;
            boolean capturedSeed = round >= firstCaptured && round < firstCaptured + captured.size();
            boolean clientSeed = round >= firstClient && round < firstClient + clients.size();
            boolean poolSeed = round >= firstPool;
            termination.assertRunning();
            boolean[] block;
            boolean audience = round >= firstAudience;
            if (poolSeed) {
                // a follower service's pool (PoolSeeds): the members not yet in a block, with the clients
                PoolSeeds.Seed c = pools.get(round - firstPool);
                block = freeSeed(n, c.members(), c.clients(), spent);
                if (block == null) {
                    continue;
                }
            } else if (capturedSeed) {
                // a community's members tied to it only by the targets it captures (CapturedTargetSeeds): its
                // members not yet in a block, with those targets
                CapturedTargetSeeds.Seed c = captured.get(round - firstCaptured);
                block = freeSeed(n, c.members(), c.targets(), spent);
                if (block == null) {
                    continue;
                }
            } else if (clientSeed) {
                // a client's followers co-following accounts beyond their habits (ClientSeeds): its members not yet
                // in a block, with the targets they co-follow
                ClientSeeds.Seed c = clients.get(round - firstClient);
                block = freeSeed(n, c.followers(), c.targets(), spent);
                if (block == null) {
                    continue;
                }
            } else if (audience) {
                // a creation burst inside one target's audience (AudienceSeeds): its members not yet in a block
                block = new boolean[2 * n];
                int free = 0;
                for (int f : audiences.get(round - firstAudience)) {
                    block[f] = !spent[f];
                    free += spent[f] ? 0 : 1;
                }
                if (free < params.minFollowers()) {
                    continue;
                }
            } else if (round < cohorts.size()) {
                // a creation burst far above the archive's creation rate around it: a seed of its own, so that a
                // large archive's reader groups, which peeling prefers, cannot hide it past maxBlocks rounds
                block = new boolean[2 * n];
                for (int f : cohorts.get(round)) {
                    block[f] = !peeled[f] && !spent[f];
                }
            } else {
                block = finder.densest(peeled, params.minFollowers(), params.minTargets(), params.minDensity());
                clock = lap(Phase.PEELING, clock);
            }
            IntArrayList fs = new IntArrayList();
            IntArrayList seedTargets = new IntArrayList();
            for (int v = 0; v < n; v++) {
                if (block[v]) {
                    fs.add(v);
                }
                if (block[n + v]) {
                    seedTargets.add(v);
                }
            }
            progress.advance(round < cohorts.size() || audience || round == burstless ? 0 : 1);
            if (fs.size() < 2) {
                if (round >= cohorts.size() && !audience) {
                    // nothing left to peel: on to the audience bursts
                    round = firstAudience - 1;
                }
                continue;
            }
            int[] seed = fs.toIntArray();
            // a pool is made one account at a time over months: a span of it holding minFollowers is no cohort, and
            // a fresh farm that Leiden puts in the pool's community would otherwise take the seed's place
            int[] burstCore = poolSeed || round == burstless ? new int[0] : burstCore(activity, seed, capturedSeed);
            boolean burst = burstCore.length > 0;
            // a cohort created together: a burst that is also a spike among the seed's own creations (the rate test);
            // the few-target floor, the owners' followers and the onboarding test judge such cohorts only. A captured
            // seed keeps its own rules (its floor, its whole anchoring): with these too, a captured seed of 39 honest
            // accounts of the third generator's h2 grew into a block of 60 kept with 47 targets
            boolean cohort = burst && !capturedSeed && burstCore(activity, seed, true).length > 0;
            int[] seedCore = burst ? burstCore : seed;
            // a burst, or a client's co-following audience (ClientSeeds), is a group chosen by other evidence than
            // the peeling: judged on the targets it follows together (a client seed also on the targets the screen
            // found) and its unexplained members anchored; a peeled seed is judged on the targets it was peeled with
            boolean client = !burst && (clientSeed || capturedSeed || poolSeed);
            boolean chosen = burst || client;
            // a client's followers already in a kept block are its farm found earlier: out of this block's rates
            // so are a community's members in a kept block that follow its captured targets
            growth.hold(poolSeed ? keptFollowers(finder, pools.get(round - firstPool).clients(), spent)
                    : capturedSeed ? keptFollowers(finder, captured.get(round - firstCaptured).targets(), spent)
                    : client && clientSeed ? keptFollowers(finder, clients.get(round - firstClient).client(), spent)
                    : null);
            // a seed chosen by other evidence than the peeling recruits the accounts nobody else follows also where
            // their other follows place them (Growth#followers); a peeled seed is the follow graph's own view
            growth.placeRecruitsByOtherFollows(homesForRecruits && chosen);
            // a captured seed's members are anchored whole: each follows two or three of a handful of targets, too
            // few follows for a member test of its own; the block they make is judged as a whole by the block test
            int[] ownTargets = burst ? growth.targets(seedCore) : null;
            int[] tested = capturedSeed && !burst ? seedCore
                    : growth.unexplainedMembers(seedCore, burst ? ownTargets
                    : client ? union(seedTargets.toIntArray(), growth.targets(seedCore)) : seedTargets.toIntArray());
            // the members of a creation burst whose follows of the burst's own targets are unexplained stay while
            // the block grows (judging the burst's members at every step); a client's block grows among the
            // client's followers only (its farm: other groups have seeds of their own)
            int[][] grown = growth.grow(tested.length >= 2 ? tested : seedCore,
                    poolSeed ? audienceOnly(finder, pools.get(round - firstPool).clients(), spent)
                            : capturedSeed ? audienceOnly(finder, captured.get(round - firstCaptured).targets(), spent)
                            : client && clientSeed ? clientOnly(finder, clients.get(round - firstClient).client(), spent) : spent,
                    chosen && tested.length >= 2 ? tested : new int[0], burstCore);
            if (grown != null && capturedSeed) {
                // anchored whole, a captured seed's members stay whatever they follow: keep those that co-follow
                // the grown block's targets (a member of the community following two of its other captured targets
                // and none of the block's is no member of the block)
                grown[0] = coFollowers(finder, grown[0], grown[1], growth.lightFloor(grown[1].length));
                if (grown[0].length < 2) {
                    grown = null;
                }
            }
            clock = lap(Phase.GROWTH, clock);
            int[] capturedByBlock = grown == null ? null
                    : CapturedTargetSeeds.capturedBy(finder, partitions, homes, grown[0], grown[1],
                    params.minLift());
            if (grown != null && cohort) {
                // the burst's members that follow two of the accounts the block captures belong to it (see
                // ownersFollowers): they join it before the block test, which judges them with the rest
                int[] joined = union(grown[0], ownersFollowers(finder, burstCore, grown[1], capturedByBlock, most,
                        spent));
                if (joined.length > grown[0].length) {
                    grown[0] = joined;
                    capturedByBlock = CapturedTargetSeeds.capturedBy(finder, partitions, homes, grown[0], grown[1],
                    params.minLift());
                }
            }
            growth.judgeBurst(cohort ? burstCore : new int[0]);
            int floor = grown == null ? 0
                    : blockFloor(capturedSeed, cohort, grown[1], capturedIn, capturedByBlock, most);
            DenseBlock kept = grown == null ? null : growth.test(grown[0], grown[1], floor);
            if (kept != null) {
                // the block reported is its members that hold their share of its targets (Growth#withoutThin);
                // the thin ones leave the seed search and growth with the rest, so no later round changes
                int[] strong = growth.withoutThin(kept.followers(), kept.targets(), burstCore,
                        chosen && tested.length >= 2 ? tested : new int[0]);
                if (strong.length < kept.followers().length) {
                    DenseBlock trimmed = growth.test(strong, kept.targets(), floor);
                    kept = trimmed != null ? trimmed : kept;
                }
            }
            growth.judgeBurst(new int[0]);
            // a cohort created together that follows no account it captures and otherwise follows like its
            // communities: newcomers who accepted a suggestion list. The block is no finding, but its follows are
            // accounted for (the list explains them), so its members leave growth as a kept block's do: recruited
            // into a later block by the same follows, they would change that block for no new evidence
            boolean explained = onboardingTest && kept != null && cohort
                    && StarterLists.explains(finder, partitions, grown[0], grown[1], capturedByBlock, most,
                    params.maxPValue());
            // a block peeled from the follow graph alone, with no account-level evidence behind its seed, must also
            // beat the interest communities: the keenest readers of one interest follow its stars together; so must
            // a client's block without a burst whose members are known to accounts they did not follow first
            DenseBlock readers = null;
            if (interestTest && kept != null && !explained && (!chosen || clientSeed && !burst
                    && audienceOfTheirOwn(finder, created, batchSpan, kept.followers(), kept.targets()))) {
                if (interest == null) {
                    interest = InterestModel.fit(finder, n, this.seed, termination);
                }
                explained = interest.fit(kept.followers(), kept.targets(), params.minLift()).explains();
                if (explained && chosen) {
                    // readers act on the client and its fellow targets at their own times; a block holding a
                    // block's worth of followers hired to act on them is a finding whatever their taste
                    explained = !hiredBlock(actors, kept, params.minFollowers());
                }
                readers = explained && chosen ? kept : null;
            }
            int[] explainedTargets = explained ? kept.targets() : null;
            if (explained) {
                kept = null;
            }
            clock = lap(Phase.TEST, clock);
            if (kept == null && !explained && clientSeed && burst) {
                // a client's audience can hold two of its vendors' farms: a fresh one created together and an aged
                // one bought second-hand; the burst is one of them, and when it yields nothing the seed is judged
                // again on its own evidence, the client's co-following audience, as a seed without a burst is
                burstless = round;
                round--;
                continue;
            }
            if ((audience || capturedSeed || poolSeed) && kept == null && !explained) {
                // a target's audience burst that yields no block leaves everything as it was: it is one target's
                // view, and the accounts in it stay free for the other seeds
                continue;
            }
            // the seed's core and the grown followers leave the seed search (the whole seed when nothing grew);
            // only the members of a kept block, or of one a starter list explains, leave growth: a rejected seed is
            // no verdict on its members
            for (int f : grown == null ? seed : seedCore) {
                peeled[f] = true;
            }
            if (grown == null) {
                continue;
            }
            for (int f : grown[0]) {
                peeled[f] = true;
                // a client's readers explained leave growth; the accounts nobody knows that they carried in stay
                // (see interestTest)
                boolean spends = kept != null || explained && (readers == null
                        || hasAudience(finder, created, batchSpan, f, readers.followers(), readers.targets()));
                if (spends) {
                    spend(f, spent, accounted, explainedTargets);
                }
            }
            if (kept != null) {
                blocks.add(kept);
            }
        }
        if (kind != null) {
            chargeRound(kind, roundStart, roundCpu);
        }
        if (cohortsWhole) {
            // the cohort pass: each creation burst judged as a whole on the targets it owns, after every other
            // round, so that no block of the rounds above depends on it (see cohortBlock)
            // every burst is judged with the others held out as suspects: each is a spike of sign-ups, no sample of
            // ordinary following, and a botnet of several bursts in one community with its seeds explains each of
            // them by the rest (see FollowNullModel, "Suspects")
            growth.holdSuspects(inAny(cohorts, n));
            growth.placeRecruitsByOtherFollows(homesForRecruits);
            for (int[] c : cohorts) {
                termination.assertRunning();
                rounds++;
                DenseBlock kept = cohortBlock(finder, growth, partitions, homes, c, spent);
                boolean explained = false;
                if (kept == null && unfollowedCohorts) {
                    kept = unfollowedBlock(finder, growth, c, spent);
                    // newcomers on a starter list are followed by nobody too where the archive lost their
                    // followers: the list explains them as it does a cohort's block in the rounds above, and its
                    // members leave as a kept block's do
                    explained = kept != null && onboardingTest && StarterLists.explains(finder, partitions,
                            kept.followers(), kept.targets(), CapturedTargetSeeds.capturedBy(finder, partitions,
                                    homes, kept.followers(), kept.targets(), params.minLift()),
                            most, params.maxPValue());
                }
                if (kept != null) {
                    if (!explained) {
                        blocks.add(kept);
                    }
                    for (int f : kept.followers()) {
                        spend(f, spent, accounted, explained ? kept.targets() : null);
                    }
                }
            }
            clock = lap(Phase.TEST, clock);
        }
        if (boughtAudiences) {
            // the bought audiences, last: every other round's blocks are found without them (see the field)
            termination.assertRunning();
            BoughtAudiences.Pass pass = BoughtAudiences.pass(finder, created, blocks, spent, accounted, params);
            blocks.clear();
            blocks.addAll(pass.kept());
            blocks.addAll(pass.bought());
            rounds += pass.bought().size();
            clock = lap(Phase.BOUGHT, clock);
        }
        List<CoordinationEdge> edges = new ArrayList<>();
        long pairs = 0;
        for (DenseBlock b : blocks) {
            pairs += (long) b.followers().length * (b.followers().length - 1) / 2;
            edges.addAll(blockEdges(activity, finder, b.followers(), b.targets()));
        }
        edges.sort(Comparator.comparingLong(CoordinationEdge::pairKey));
        lap(Phase.EDGES, clock);
        progress.end();
        return new SignalGraph(name(), edges, finder.edgeCount(), pairs, blocks);
    }

    /**
     * The creation bursts of the archive, most accounts first: disjoint {@code creationBurst} spans holding at least
     * {@code minFollowers} accounts that follow at least {@code minTargets} others, at least {@code minLift} times
     * the rate of such creations in the 16 spans around them, with P(Poisson(rate) ≥ count) ≤ {@code maxPValue} / w
     * for w windows tested (one per account).
     * Ordinary sign-ups follow the platform's growth; a farm made in a few days is a spike. O(n log n).
     */
    List<int[]> creationBursts(Activity activity, DenseBlockFinder finder) {
        return creationBursts(activity, finder, params);
    }

    /** {@link #creationBursts(Activity, DenseBlockFinder)} with the settings {@code params}. */
    static List<int[]> creationBursts(Activity activity, DenseBlockFinder finder,
                                      CoordinationParams.FollowParams params) {
        int n = activity.accountCount();
        long span = params.creationBurst();
        IntArrayList ids = new IntArrayList();
        for (int v = 0; v < n; v++) {
            if (activity.accountCreated(v) != Activity.NO_TIME && finder.outDegree(v) >= params.minTargets()) {
                ids.add(v);
            }
        }
        int[] byTime = ids.toIntArray();
        CreationBatches.sortByCreation(activity, byTime);
        long[] t = Arrays.stream(byTime).mapToLong(activity::accountCreated).toArray();
        int m = t.length;
        List<long[]> candidates = new ArrayList<>(); // {count, start index}
        for (int i = 0, j = 0, lo = 0, hi = 0; i < m; i++) {
            while (j < m && t[j] - t[i] <= span) {
                j++;
            }
            int count = j - i;
            if (count < params.minFollowers()) {
                continue;
            }
            while (t[i] - t[lo] > 8 * span) {
                lo++;
            }
            while (hi < m && t[hi] - t[i] <= 9 * span) {
                hi++;
            }
            double rate = Math.max(1e-9, (hi - lo - count) / 16.0);
            // one test per window start: Bonferroni over them
            if (count >= params.minLift() * rate && PoissonTail.upper(count, rate) <= params.maxPValue() / m) {
                candidates.add(new long[] {count, i, j});
            }
        }
        candidates.sort((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(a[1], b[1]));
        boolean[] taken = new boolean[m];
        List<int[]> out = new ArrayList<>();
        for (long[] c : candidates) {
            int i = (int) c[1], j = (int) c[2];
            boolean free = true;
            for (int k = i; k < j && free; k++) {
                free = !taken[k];
            }
            if (!free) {
                continue;
            }
            int[] cohort = Arrays.copyOfRange(byTime, i, j);
            Arrays.fill(taken, i, j, true);
            Arrays.sort(cohort);
            out.add(cohort);
        }
        return out;
    }

    /**
     * The creation bursts inside targets' audiences ({@link AudienceSeeds#bursts}), at most
     * {@value #MAX_AUDIENCE_SEEDS}, among the followers that follow at least {@code minTargets} accounts.
     */
    List<int[]> audienceBursts(Activity activity, DenseBlockFinder finder) {
        int n = activity.accountCount();
        long[] created = new long[n];
        for (int v = 0; v < n; v++) {
            long c = activity.accountCreated(v);
            created[v] = c == Activity.NO_TIME || finder.outDegree(v) < params.minTargets() ? Long.MIN_VALUE : c;
        }
        return AudienceSeeds.bursts(finder, created, params.creationBurst(), params.minFollowers(), params.minLift(),
                params.maxPValue(), MAX_AUDIENCE_SEEDS);
    }

    /**
     * A seed chosen by other evidence than the peeling, as {@link DenseBlockFinder#densest}'s block layout (followers
     * at {@code [0, n)}, targets at {@code [n, 2n)}): the {@code members} not yet in a kept block, with {@code
     * targets}; null when fewer than {@code minFollowers} members are free. O(|members| + |targets|) beside the
     * 2n array.
     */
    private boolean[] freeSeed(int n, int[] members, int[] targets, boolean[] spent) {
        boolean[] block = new boolean[2 * n];
        int free = 0;
        for (int f : members) {
            block[f] = !spent[f];
            free += spent[f] ? 0 : 1;
        }
        if (free < params.minFollowers()) {
            return null;
        }
        for (int t : targets) {
            block[n + t] = true;
        }
        return block;
    }

    /**
     * The client-side seeds, at most {@value #MAX_CLIENT_SEEDS}, strongest first, with {@code community} the model's
     * coarsest partition (each account's community): {@link ClientSeeds#sketched} with samples of
     * {@value ClientSeeds#SKETCH} away follows.
     */
    List<ClientSeeds.Seed> clientSeeds(DenseBlockFinder finder, int n, int[] community) {
        return clientSeeds(finder, n, community, TerminationFlag.RUNNING_TRUE);
    }

    /** As {@link #clientSeeds(DenseBlockFinder, int, int[])}, the screen on {@code concurrency} threads. */
    List<ClientSeeds.Seed> clientSeeds(DenseBlockFinder finder, int n, int[] community, TerminationFlag termination) {
        return ClientSeeds.sketched(finder, n, community, params.minFollowers(), params.minTargets(),
                params.minLift(), params.maxPValue(), MAX_CLIENT_SEEDS, ClientSeeds.SKETCH, clientStats, concurrency,
                termination);
    }

    /**
     * The seeds from the communities' captured targets ({@link CapturedTargetSeeds}) of the model's partitions, at
     * most {@value #MAX_CLIENT_SEEDS}.
     */
    List<CapturedTargetSeeds.Seed> capturedSeeds(DenseBlockFinder finder, int n, List<int[]> partitions) {
        List<int[]> finestFirst = new ArrayList<>(partitions);
        Collections.reverse(finestFirst);
        return CapturedTargetSeeds.seeds(finder, n, finestFirst, params.minFollowers(), MAX_CLIENT_SEEDS);
    }

    /**
     * The seeds from follower services' pools ({@link PoolSeeds}) of the model's partitions (finest first), at most
     * {@value #MAX_CLIENT_SEEDS}; {@code homes} the captured targets of each partition in resolution order
     * ({@link CapturedTargetSeeds#homes}).
     */
    List<PoolSeeds.Seed> poolSeeds(DenseBlockFinder finder, int n, List<int[]> partitions, int[][] homes) {
        List<int[]> finestFirst = new ArrayList<>(partitions);
        Collections.reverse(finestFirst);
        int[][] homesFinestFirst = new int[homes.length][];
        for (int p = 0; p < homes.length; p++) {
            homesFinestFirst[p] = homes[homes.length - 1 - p];
        }
        return PoolSeeds.seeds(finder, n, finestFirst, homesFinestFirst, params.minFollowers(), MAX_CLIENT_SEEDS);
    }

    /**
     * As {@link #poolSeeds(DenseBlockFinder, int, List, int[][])}, followed by the seeds of the communities of the
     * archive's interactions ({@link #actionPartition}; most members first) that are new: one whose members are at
     * least half in the seeds before it is dropped ({@link ClientSeeds#mostlyNew}), at most
     * {@value #MAX_CLIENT_SEEDS} in all. The follow graph's own seeds come first and are the same with or without
     * the interactions: a seed of the interactions holding a pool the follow graph's partitions already hold, larger
     * by the accounts that act with it, would otherwise take the place of the follow graph's seed and be judged in
     * its stead.
     */
    List<PoolSeeds.Seed> poolSeeds(DenseBlockFinder finder, int n, List<int[]> partitions, int[][] homes,
                                   int[] actions) {
        List<PoolSeeds.Seed> ranked = new ArrayList<>(poolSeeds(finder, n, partitions, homes));
        List<PoolSeeds.Seed> fromActions = PoolSeeds.seeds(finder, n, partitions.size(), actions,
                CapturedTargetSeeds.homes(finder, n, List.of(actions))[0], params.minFollowers());
        fromActions.sort((a, b) -> a.members().length != b.members().length
                ? Integer.compare(b.members().length, a.members().length)
                : Integer.compare(a.community(), b.community()));
        ranked.addAll(fromActions);
        return ClientSeeds.mostlyNew(ranked, PoolSeeds.Seed::members, n, MAX_CLIENT_SEEDS);
    }

    /**
     * The communities of the archive's interactions: seeded Leiden on modularity at resolution 1 over the graph of
     * its retweets, replies, quotes and mentions with its follows ({@link ActivityGraphs#interactions(Activity,
     * boolean)}, the graph of the analysis's communities); null when no account acts on another (the graph is then
     * the follow graph, whose partition the model has already). An aged account bought second-hand brings the
     * follows of its past life, which place it in the follow graph's communities of that past (the fourth
     * generator's z7: its 249 aged accounts spread over six communities of the coarsest partition and none of a
     * finer one); what it does for its buyer (retweeting the clients, following them) is recent and concentrated,
     * and gathers the farm with its clients in one community of the interactions (z7: 249 of 257). A pool seed is
     * where to look, not evidence: it is judged as every pool seed is. O(posts + m) and one Leiden fit.
     */
    int[] actionPartition(Activity activity, TerminationFlag termination) {
        if (!ActivityGraphs.hasActions(activity)) {
            return null;
        }
        termination.assertRunning();
        return FollowNullModel.partition(ActivityGraphs.interactions(activity, true), seed, 1.0, termination);
    }

    /**
     * Every account but the unspent followers of at least one of {@code targets}: the accounts a block grown from
     * those targets' seed may not recruit.
     */
    private static boolean[] audienceOnly(DenseBlockFinder finder, int[] targets, boolean[] spent) {
        boolean[] out = new boolean[spent.length];
        Arrays.fill(out, true);
        for (int t : targets) {
            for (int i = finder.inStart(t); i < finder.inEnd(t); i++) {
                int f = finder.inFollower(i);
                out[f] = spent[f];
            }
        }
        return out;
    }

    /** Every account but the unspent followers of {@code client}: the accounts its block may not recruit. */
    private static boolean[] clientOnly(DenseBlockFinder finder, int client, boolean[] spent) {
        boolean[] out = new boolean[spent.length];
        Arrays.fill(out, true);
        for (int i = finder.inStart(client); i < finder.inEnd(client); i++) {
            int f = finder.inFollower(i);
            out[f] = spent[f];
        }
        return out;
    }

    /**
     * The followers of {@code client} already in a kept block ({@code spent}), marked over all accounts: the part of
     * the client's farm found earlier, held out of the rates when the client's seed is judged ({@link Growth#hold}).
     */
    static boolean[] keptFollowers(DenseBlockFinder finder, int client, boolean[] spent) {
        return keptFollowers(finder, new int[] {client}, spent);
    }

    /** As {@link #keptFollowers(DenseBlockFinder, int, boolean[])} for the followers of any of {@code targets}. */
    static boolean[] keptFollowers(DenseBlockFinder finder, int[] targets, boolean[] spent) {
        boolean[] out = new boolean[spent.length];
        for (int t : targets) {
            for (int i = finder.inStart(t); i < finder.inEnd(t); i++) {
                int f = finder.inFollower(i);
                out[f] = spent[f];
            }
        }
        return out;
    }

    /** What the last client-side seed search did, for benchmark mains. */
    final ClientSeeds.Stats[] clientStats = new ClientSeeds.Stats[1];

    /**
     * The seed followers created within one {@code creationBurst} span, when there are at least
     * {@code minFollowers} of them (the largest such group; ties: the earliest); otherwise all of {@code fs}.
     */
    int[] creationCore(Activity activity, int[] fs) {
        int[] core = burstCore(activity, fs);
        return core.length > 0 ? core : fs;
    }

    /**
     * The seed followers created within one {@code creationBurst} span when there are at least
     * {@code minFollowers} of them (the largest such group; ties: the earliest); otherwise none.
     */
    int[] burstCore(Activity activity, int[] fs) {
        return burstCore(activity, fs, false);
    }

    /**
     * As {@link #burstCore(Activity, int[])}; with {@code rateTest} (the seeds from a community's captured targets,
     * {@link CapturedTargetSeeds}) the span must also be a burst among the seed's own creations: at least
     * {@code minLift} times the rate of the seed's creations in the 16 spans around (8 before, 8 after), with
     * P(Poisson(rate) ≥ count) ≤ {@code maxPValue} / k over the k window starts tested, the test
     * {@link #creationBursts} applies to the archive's sign-ups. Without it any seed of a group created one by one
     * over months (a slow farm made at ten accounts a week) has {@code minFollowers} of them in some span and is cut
     * to them, judged on their own targets while the rest of the group stays in the model's rates and explains
     * them. A farm made in a few days among accounts created over years is still a burst. The other seeds keep the
     * test without the rate: with it, the third generator's l1 lost 18 of its slow farm's 44 members found from a
     * client seed (docs/quality.md, "Slow farms: a seed for a farm that is its own community"). O(k log k).
     */
    int[] burstCore(Activity activity, int[] fs, boolean rateTest) {
        long[] times = new long[fs.length];
        int k = 0;
        for (int f : fs) {
            long c = activity.accountCreated(f);
            if (c != Activity.NO_TIME) {
                times[k++] = c;
            }
        }
        if (k < params.minFollowers()) {
            return new int[0];
        }
        Arrays.sort(times, 0, k);
        long span = params.creationBurst();
        int best = 0;
        long from = 0;
        for (int i = 0, j = 0, lo = 0, hi = 0; i < k; i++) {
            while (j < k && times[j] - times[i] <= span) {
                j++;
            }
            int count = j - i;
            if (count < params.minFollowers() || count <= best) {
                continue;
            }
            while (times[i] - times[lo] > 8 * span) {
                lo++;
            }
            while (hi < k && times[hi] - times[i] <= 9 * span) {
                hi++;
            }
            double rate = Math.max(1e-9, (hi - lo - count) / 16.0);
            if (!rateTest || count >= params.minLift() * rate
                    && PoissonTail.upper(count, rate) <= params.maxPValue() / k) {
                best = count;
                from = times[i];
            }
        }
        if (best < params.minFollowers()) {
            return new int[0];
        }
        IntArrayList core = new IntArrayList(best);
        for (int f : fs) {
            long c = activity.accountCreated(f);
            if (c != Activity.NO_TIME && c >= from && c - from <= span) {
                core.add(f);
            }
        }
        return core.toIntArray();
    }

    /**
     * The null model at the resolutions of {@link #RESOLUTIONS}: every expectation is the largest of the partitions'
     * (a block is unexplained only when no partition explains it), every edge's surprise the largest (seeds are
     * only candidates).
     *
     * <p>Taking the most conservative expectation over an ensemble of partitions, rather than trusting one, follows
     * the view of community structure as uncertain (one Leiden run is one local optimum among many of similar
     * modularity: B. H. Good, Y.-A. de Montjoye and A. Clauset, "Performance of modularity maximization in
     * practical contexts", Phys. Rev. E 81, 046106 (2010),
     * <a href="https://doi.org/10.1103/PhysRevE.81.046106">doi:10.1103/PhysRevE.81.046106</a>). It does not make
     * the verdicts independent of the seed: a block of readers of one small community's stars that every
     * partition of resolution 1–4 merges with its neighbours is unexplained under all of them, and the seed
     * decides only whether the search (peeling weighted by the partitions' surprise, growth tested against them)
     * reaches it. Such a block lies inside one community, with its stars: the block test refits that community
     * on its own follows ({@link #refined}), which explains it whatever the seed. An aged farm, peeled a few
     * members at a time inside readers' seeds, is found when a seed holds enough of it to grow from, its members
     * met in rejected seeds staying free for growth (the class comment). The ensembles tried before (a fourth
     * partition at resolution 8, several seeds per resolution, consensus partitions after Lancichinetti and
     * Fortunato 2012, a saturating follow probability) are measured in docs/quality.md, "Verdicts across
     * analysis seeds": each traded one flip for another or lost planted accounts.
     *
     * <p>Cost: three Leiden fits side by side and three models' rates per expectation; for a block inside one
     * community, Leiden on that community's follows and O(n + m) for each refitted model's rates. Deterministic
     * for a given seed.
     */
    static final class Models {
        static final double[] RESOLUTIONS = {1.0, 2.0, 4.0};
        private final List<FollowNullModel> models;
        /** The Leiden seed of the partitions, for their refinements ({@link #refined}). */
        private final long seed;
        /** Stops the refinements' Leiden runs ({@link #refined}). */
        private final TerminationFlag termination;

        Models(List<FollowNullModel> models, long seed) {
            this(models, seed, TerminationFlag.RUNNING_TRUE);
        }

        Models(List<FollowNullModel> models, long seed, TerminationFlag termination) {
            this.models = List.copyOf(models);
            this.seed = seed;
            this.termination = termination;
        }

        /**
         * Fits the partitions at {@link #RESOLUTIONS} by seeded Leiden on the undirected follow graph, side by side
         * (each is deterministic), listed in resolution order. Cheaper partitions were tried and change verdicts:
         * one Leiden iteration instead of three lost the burst farm of the matrix cell n3000-c4-h0.95-pop1.1, and
         * the coarser resolutions fitted on the aggregate graph of the finest (nested) lost a member of the sparse
         * farm of {@code LockstepFollowSignalTest}.
         */
        static Models fit(DenseBlockFinder finder, int n, long seed) {
            return fit(finder, n, seed, Runtime.getRuntime().availableProcessors(), TerminationFlag.RUNNING_TRUE);
        }

        /**
         * As {@link #fit(DenseBlockFinder, int, long)} on at most {@code concurrency} threads (the calling thread
         * and up to {@code concurrency − 1} started for the call, one fit at a time each, in resolution order);
         * the partitions do not depend on the threads. {@code termination} stops every fit (Leiden polls it).
         */
        static Models fit(DenseBlockFinder finder, int n, long seed, int concurrency, TerminationFlag termination) {
            CompactGraph undirected = FollowNullModel.undirected(finder, n);
            FollowNullModel[] fitted = new FollowNullModel[RESOLUTIONS.length];
            eachOnThreads(RESOLUTIONS.length, concurrency, termination,
                    i -> fitted[i] = FollowNullModel.fit(finder, undirected, seed, RESOLUTIONS[i], termination));
            return new Models(Arrays.asList(fitted), seed, termination);
        }

        /**
         * Runs {@code task} for each index of [0, count) once, on min(concurrency, count) threads: the calling
         * thread and threads started for the call, each taking the next index when done with its last; returns
         * when all have stopped. After a failure or a termination no thread starts another index; the failure of
         * the lowest index is thrown (a {@link java.util.concurrent.CancellationException} when terminated).
         */
        static void eachOnThreads(int count, int concurrency, TerminationFlag termination, IntConsumer task) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
            }
            AtomicInteger next = new AtomicInteger();
            AtomicBoolean failed = new AtomicBoolean();
            Throwable[] failures = new Throwable[count];
            Runnable worker = () -> {
                for (int i = next.getAndIncrement(); i < count && !failed.get(); i = next.getAndIncrement()) {
                    try {
                        termination.assertRunning();
                        task.accept(i);
                    } catch (Throwable t) {
                        failures[i] = t;
                        failed.set(true);
                    }
                }
            };
            Thread[] started = new Thread[Math.max(0, Math.min(concurrency, count) - 1)];
            for (int k = 0; k < started.length; k++) {
                started[k] = new Thread(worker, "lockstep-follow-" + k);
                started[k].setDaemon(true);
                started[k].start();
            }
            worker.run();
            boolean interrupted = false;
            for (Thread t : started) {
                while (true) {
                    try {
                        t.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true; // the fits stop through the termination flag; wait for them
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            for (Throwable t : failures) {
                if (t instanceof RuntimeException e) {
                    throw e;
                }
                if (t instanceof Error e) {
                    throw e;
                }
                if (t != null) {
                    throw new IllegalStateException(t);
                }
            }
        }

        double[] surprise() {
            return surprise(1, TerminationFlag.RUNNING_TRUE);
        }

        /**
         * Every follow's surprise, the largest over the partitions ({@link FollowNullModel#surprise()}), computed
         * target by target into one array (each target's follows under every partition in turn, the partitions'
         * maxima taken in resolution order as over whole arrays) on at most {@code concurrency} threads taking runs
         * of targets in turn (at most 8,192, fewer on a small graph), each with scratch of its own; the weights do
         * not depend on the threads.
         * {@code termination} is polled between runs. O(m) per partition.
         */
        double[] surprise(int concurrency, TerminationFlag termination) {
            if (models.isEmpty()) {
                return null;
            }
            int n = models.get(0).accounts();
            double[] out = new double[models.get(0).follows()];
            int run = Math.max(64, Math.min(8192, n / (32 * Math.max(1, concurrency))));
            int runs = (n + run - 1) / run;
            AtomicInteger next = new AtomicInteger();
            eachOnThreads(Math.max(1, Math.min(concurrency, runs)), concurrency, termination, w -> {
                double[][] counts = new double[models.size()][];
                IntArrayList touched = new IntArrayList();
                for (int k = 0; k < counts.length; k++) {
                    counts[k] = new double[models.get(k).communityCount()];
                }
                for (int r = next.getAndIncrement(); r < runs; r = next.getAndIncrement()) {
                    termination.assertRunning();
                    for (int j = r * run, end = Math.min(n, j + run); j < end; j++) {
                        for (int k = 0; k < counts.length; k++) {
                            models.get(k).surprise(j, out, k == 0, counts[k], touched);
                        }
                    }
                }
            });
            return out;
        }

        /**
         * These models and, for every partition with a community holding most of the block's followers {@code fs}
         * and most of its targets {@code ts} ({@link FollowNullModel#home}), that partition with the community
         * refitted on its own follows ({@link FollowNullModel#refine}); null when no partition has such a
         * community or Leiden leaves each whole. The readers of a small community's stars sit in one community
         * with their stars, which modularity merged with its neighbours (its resolution limit), and the merged
         * community's popularity underrates how often they follow their own stars: the refitted community
         * separates them. A farm, bought from everywhere and paid to follow the popular accounts of many
         * communities, usually has no such community; one that Leiden groups with its client is refitted without
         * the block's own follows ({@link FollowNullModel#refine}), which leaves nothing to explain it.
         */
        Models refined(int[] fs, int[] ts) {
            List<FollowNullModel> out = new ArrayList<>(models);
            for (FollowNullModel m : models) {
                int home = m.home(fs, ts);
                FollowNullModel r = home < 0 ? null : m.refine(home, fs, ts, seed, termination);
                if (r != null) {
                    out.add(r);
                }
            }
            return out.size() == models.size() ? null : new Models(out, seed, termination);
        }

        /** Each partition's community of every account [0, n), in resolution order. */
        List<int[]> partitions(int n) {
            List<int[]> out = new ArrayList<>();
            for (FollowNullModel m : models) {
                int[] p = new int[n];
                for (int v = 0; v < n; v++) {
                    p[v] = m.communityOf(v);
                }
                out.add(p);
            }
            return out;
        }

        void setBlock(int[] members, int[] held) {
            setBlock(members, held, null);
        }

        /** {@link FollowNullModel#setBlock(int[], int[], boolean[])} on every partition's model. */
        void setBlock(int[] members, int[] candidates, boolean[] held) {
            setBlock(members, candidates, held, false);
        }

        /** {@link FollowNullModel#setBlock(int[], int[], boolean[], boolean)} on every partition's model. */
        void setBlock(int[] members, int[] candidates, boolean[] held, boolean suspects) {
            for (FollowNullModel m : models) {
                m.setBlock(members, candidates, held, suspects);
            }
        }

        /** {@link FollowNullModel#placeByFollowsOutside} on every partition's model. */
        void placeByFollowsOutside(int[] targets) {
            for (FollowNullModel m : models) {
                m.placeByFollowsOutside(targets);
            }
        }

        double expected(int target) {
            double e = 0;
            for (FollowNullModel m : models) {
                e = Math.max(e, m.expected(target));
            }
            return e;
        }

        List<FollowNullModel.Audience> audience(int[] ts) {
            List<FollowNullModel.Audience> out = new ArrayList<>();
            for (FollowNullModel m : models) {
                out.add(m.audience(ts));
            }
            return out;
        }

        /** Whether every partition finds account's follows of the targets unexplained (see Audience#test). */
        static boolean unexplained(List<FollowNullModel.Audience> audience, int account, boolean ownMix,
                                   BiPredicate<Long, Double> test) {
            return unexplained(audience, account, ownMix, false, test);
        }

        /** As above; with {@code byHome} each partition places the account by its follows outside the targets. */
        static boolean unexplained(List<FollowNullModel.Audience> audience, int account, boolean ownMix,
                                   boolean byHome, BiPredicate<Long, Double> test) {
            for (FollowNullModel.Audience a : audience) {
                double[] oe = a.test(account, ownMix, byHome);
                if (!test.test((long) oe[0], oe[1])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Lockstep propagation and the block test against the null model; scratch arrays are reused across rounds. */
    final class Growth {
        private final DenseBlockFinder finder;
        private final Models model;
        private final int[] followedBy; // target -> how many of the block's followers follow it
        private final int[] follows; // account -> how many of the block's targets it follows
        private final IntArrayList touched = new IntArrayList();
        /** Accounts held out of the rates of the blocks judged, whatever their community; null: none. */
        private boolean[] held;
        /** Whether the held accounts are suspects ({@link #holdSuspects}). */
        private boolean heldSuspects;
        /**
         * The creation burst the block being judged grew from (ascending; empty without one): candidates of the
         * block test as they are of growth's steps ({@link #followers}), see {@link #judgeBurst}.
         */
        private int[] burstOfBlock = new int[0];
        /**
         * Whether the blocks judged from now on place their members by their follows outside the targets
         * ({@link FollowNullModel#placeByFollowsOutside}), see {@link #placeByOtherFollows}.
         */
        private boolean byOtherFollows;
        /**
         * Whether {@link #followers} also judges the candidates nobody outside the block and its candidates follows
         * placed by their follows outside the targets (see there), see {@link #placeRecruitsByOtherFollows}.
         */
        private boolean recruitsByOtherFollows;

        /** Creation time of every account ({@link Activity#NO_TIME} when unknown); null: none known. */
        private final long[] created;

        Growth(DenseBlockFinder finder, Models model, int n) {
            this(finder, model, n, null);
        }

        /**
         * @param created the creation time of every account of [0, n) ({@link Activity#NO_TIME} when unknown), or
         *                null: growth then knows no creation burst beyond the members passed as {@code burst}
         */
        Growth(DenseBlockFinder finder, Models model, int n, long[] created) {
            this.finder = finder;
            this.model = model;
            this.followedBy = new int[n];
            this.follows = new int[n];
            this.created = created;
        }

        /**
         * Holds the accounts marked in {@code held} out of the rates of every block judged from now on, when they are
         * candidates of the block ({@link FollowNullModel#setBlock(int[], int[], boolean[])}); null holds none.
         */
        void hold(boolean[] held) {
            this.held = held;
            this.heldSuspects = false;
        }

        /**
         * As {@link #hold}, the accounts marked in {@code suspects} held out as suspects: out of the popularity of a
         * star rooted in the block's own community too ({@link FollowNullModel#setBlock(int[], int[], boolean[],
         * boolean)}).
         */
        void holdSuspects(boolean[] suspects) {
            this.held = suspects;
            this.heldSuspects = suspects != null;
        }

        /**
         * The creation burst (ascending; empty for none) of the blocks judged from now on: the block test leaves its
         * members out of the rates where they are the block's own community, as growth's steps do
         * ({@link #followers}, {@link #targets(int[], int[])}). A burst farm's members that follow one of its two or
         * three clients are no members of its block (one follow is no co-following), and left in the rates of the
         * farm's community they would explain the members that follow all of them.
         */
        void judgeBurst(int[] burst) {
            this.burstOfBlock = burst;
        }

        /**
         * Whether {@link #targets} and {@link #test} place the block's members by their follows outside the accounts
         * under test (the candidate targets, then the block's targets) rather than by their communities
         * ({@link FollowNullModel#placeByFollowsOutside}): for members nobody follows, whose community the partition
         * drew from those very follows.
         */
        void placeByOtherFollows(boolean on) {
            this.byOtherFollows = on;
        }

        /** Whether {@link #followers} judges again the candidates nobody else follows, placed by their homes. */
        void placeRecruitsByOtherFollows(boolean on) {
            this.recruitsByOtherFollows = on;
        }

        /**
         * Grows a block from {@code seed} (ascending followers) to a fixed point of {@link #targets} and
         * {@link #followers}, at most {@code MAX_GROWTH_STEPS} steps; returns {followers, targets} (ascending), or
         * null when either has fewer than two accounts.
         */
        int[][] grow(int[] seed, boolean[] excluded) {
            return grow(seed, excluded, new int[0], new int[0]);
        }

        /** As {@link #grow(int[], boolean[], int[], int[])} for a seed without a creation burst. */
        int[][] grow(int[] seed, boolean[] excluded, int[] anchored) {
            return grow(seed, excluded, anchored, new int[0]);
        }

        /**
         * As {@link #grow(int[], boolean[])}, with the {@code anchored} followers (ascending, a subset of the seed)
         * kept at every step: a sparse block, whose members each follow a third of its targets, would otherwise lose
         * the members that follow fewer than {@code minTargets} of one step's targets, and with them the targets
         * of the next step, until nothing is left. The members of the seed's creation burst {@code burst}
         * (ascending; empty without one) are judged at every step without the {@code minTargets} floor
         * ({@link #followers(int[], int[], boolean[], int[])}), so that the targets of the next step are those of
         * every member the model cannot explain: a burst mixed with ordinary sign-ups (a farm of 30 in a cohort of
         * 71) is first judged on few targets, and the targets its whole farm follows together appear only once
         * the farm's other members have joined.
         */
        int[][] grow(int[] seed, boolean[] excluded, int[] anchored, int[] burst) {
            int[] fs = seed;
            int[] ts = targets(fs, burst);
            for (int step = 0; step < MAX_GROWTH_STEPS && ts.length >= 2; step++) {
                int[] next = union(followers(ts, fs, excluded, burst), anchored);
                if (Arrays.equals(next, fs)) {
                    break;
                }
                fs = next;
                if (fs.length < 2) {
                    return null;
                }
                ts = targets(fs, burst);
            }
            return fs.length < 2 || ts.length < 2 ? null : new int[][] {fs, ts};
        }

        /**
         * Sets {@code follows[f]} to the number of targets in ts that f follows, for every such f, listed in
         * {@code touched}; the caller resets {@code follows[f]} to 0 for each touched f.
         */
        private void countFollowsOf(int[] ts) {
            touched.clear();
            for (int t : ts) {
                for (int i = finder.inStart(t); i < finder.inEnd(t); i++) {
                    int f = finder.inFollower(i);
                    if (follows[f]++ == 0) {
                        touched.add(f);
                    }
                }
            }
        }

        /**
         * The candidates for leaving out of the model's rates when testing block (fs, ts): the accounts outside fs
         * following at least min({@code minTargets}, {@link #lightFloor}) of ts (ascending), the accounts growth may
         * admit; see {@link FollowNullModel#setBlock(int[], int[])}. A light member left in the rates would explain
         * the farm it belongs to: a slow farm that Leiden makes a community with its clients (nobody else follows
         * them) has no member following {@code minTargets} of its seven clients.
         */
        int[] heldOut(int[] fs, int[] ts) {
            countFollowsOf(ts);
            int floor = Math.min(params.minTargets(), lightFloor(ts.length));
            IntArrayList out = new IntArrayList();
            for (int f : touched) {
                if (follows[f] >= floor && Arrays.binarySearch(fs, f) < 0) {
                    out.add(f);
                }
                follows[f] = 0;
            }
            int[] a = out.toIntArray();
            Arrays.sort(a);
            return a;
        }

        /**
         * The members of a seed whose follows of {@code seedTargets} (the seed's own {@link #targets}) the model does
         * not explain (the test of {@link #followers}), or the whole seed when fewer than two are: peeling can leave
         * a farm next to readers of popular accounts, and growth from the mixed seed would drift to the readers.
         */
        int[] unexplained(int[] seed, int[] seedTargets) {
            int[] out = unexplainedMembers(seed, seedTargets);
            return out.length >= 2 ? out : seed;
        }

        /** The members of {@code seed} whose follows of {@code seedTargets} the model does not explain (ascending). */
        int[] unexplainedMembers(int[] seed, int[] seedTargets) {
            model.setBlock(seed, heldOut(seed, seedTargets), held, heldSuspects);
            List<FollowNullModel.Audience> audience = model.audience(seedTargets);
            IntArrayList out = new IntArrayList();
            for (int f : seed) {
                if (Models.unexplained(audience, f, false, this::unexplained)) {
                    out.add(f);
                }
            }
            return out.toIntArray();
        }

        /**
         * The accounts followed by at least max(2, minDensity·|fs|) of {@code fs}, at least minLift times as often
         * as the model expects from fs's communities (rates estimated without fs), with
         * P(Poisson(E_j) ≥ y_j) ≤ maxPValue. The stars of the followers' own communities stay out.
         */
        int[] targets(int[] fs) {
            return targets(fs, new int[0]);
        }

        /**
         * As {@link #targets(int[])}, with the members of the seed's creation burst {@code burst} (ascending) also
         * left out of the rates where they are the block's own community ({@link FollowNullModel#setBlock(int[],
         * int[])}): they are candidates of the block, and the part of a farm not yet grown would otherwise explain
         * the rest.
         */
        int[] targets(int[] fs, int[] burst) {
            int need = Math.max(2, (int) Math.ceil(params.minDensity() * fs.length - 1e-9));
            touched.clear();
            for (int f : fs) {
                for (int i = finder.outStart(f); i < finder.outEnd(f); i++) {
                    int t = finder.outTarget(i);
                    if (followedBy[t]++ == 0) {
                        touched.add(t);
                    }
                }
            }
            IntArrayList candidates = new IntArrayList();
            IntArrayList counts = new IntArrayList();
            for (int t : touched) {
                int y = followedBy[t];
                followedBy[t] = 0;
                if (y >= need) {
                    candidates.add(t);
                    counts.add(y);
                }
            }
            int[] sorted = candidates.toIntArray();
            Arrays.sort(sorted);
            model.placeByFollowsOutside(byOtherFollows ? sorted : null);
            model.setBlock(fs, union(heldOut(fs, sorted), burst), held, heldSuspects);
            model.placeByFollowsOutside(null);
            IntArrayList out = new IntArrayList();
            for (int i = 0; i < candidates.size(); i++) {
                int t = candidates.getInt(i);
                if (unexplained(counts.getInt(i), model.expected(t))) {
                    out.add(t);
                }
            }
            int[] a = out.toIntArray();
            Arrays.sort(a);
            return a;
        }

        /**
         * The unassigned accounts following at least {@code minTargets} of {@code ts} whose follows of the targets
         * their community does not already lead them to follow (λ &lt; 1/2) are at least minLift times the model's
         * expectation, with a Poisson tail of at most maxPValue (rates estimated without {@code current} and
         * without the account itself; {@link FollowNullModel.Audience#test}). An account not in {@code current}
         * is also judged by its own share of follows outside its community (the test's {@code ownMix}): a
         * recruit from the whole graph that follows the popular accounts of every community, as a heavy reader
         * does, does not join a farm's block for following some of its targets. The members of the seed's creation
         * burst ({@code burst}, ascending) are judged without the {@code minTargets} floor and without
         * {@code ownMix}: that floor guards recruitment from the whole follow graph, where every account is a
         * candidate; the burst is a handful of accounts chosen by creation time, which says nothing of whom they
         * follow. Like the candidates following many of the targets, the burst's members are left out of the
         * rates where they are the block's own community. An account created within the burst's span (the
         * {@code creationBurst} span from the burst's earliest member, the span {@code burstCore} found it in) that
         * follows at least {@link #lightFloor} of ts is judged as the burst's members are: a seed's burst is the
         * members that one view of the archive (the peeling, one target's audience) put together, and a farm made
         * in two days whose members each follow part of its clients has members outside that view (the followers
         * of the one client an audience burst is found through) created in the same days; being created there is
         * the same evidence the burst's members have, and their follows of the block's targets must still be
         * unexplained. A candidate outside the burst that follows fewer than
         * {@code minTargets} of ts is a light member when it follows at least {@link #lightFloor} of them and
         * passes the test at the corrected tail of {@link #lightTest} over the K accounts examined here (those
         * following a target, not excluded). With {@link #placeRecruitsByOtherFollows} on, a candidate that the
         * test finds explained and that nobody outside the block and its candidates follows ({@link #unheard}) is
         * judged once more placed by its follows outside ts ({@link FollowNullModel.Audience#test(int, boolean,
         * boolean)}), and joins when that placement leaves it unexplained in every partition: the partition drew
         * such an account's community from its follows alone, those of ts included, so a service's account whose
         * ties are its clients and its fellow accounts sits with the clients, whose audience then explains it;
         * placed by its other follows, an account whose community leads it to ts is still explained (the class
         * comment of {@link FollowNullModel}, "Homes without the targets"). Cost: O(Σ in-degrees of ts) to count,
         * then the member test per candidate (the second placement O(out-degree · log |ts|) more); deterministic.
         */
        int[] followers(int[] ts, int[] current, boolean[] excluded, int[] burst) {
            model.setBlock(current, union(heldOut(current, ts), burst), held, heldSuspects);
            List<FollowNullModel.Audience> audience = model.audience(ts);
            countFollowsOf(ts);
            int examined = 0;
            for (int f : touched) {
                examined += excluded[f] ? 0 : 1;
            }
            int lightFloor = lightFloor(ts.length);
            BiPredicate<Long, Double> light = lightTest(examined);
            long from = burstStart(burst);
            IntArrayList out = new IntArrayList();
            for (int f : touched) {
                int x = follows[f];
                if (excluded[f]) {
                    continue;
                }
                boolean inBurst = Arrays.binarySearch(burst, f) >= 0
                        || x >= lightFloor && inBurstSpan(f, from);
                boolean ownMix = !inBurst && Arrays.binarySearch(current, f) < 0;
                BiPredicate<Long, Double> test = inBurst || x >= params.minTargets() ? this::unexplained
                        : x >= lightFloor ? light : null;
                if (test != null && (Models.unexplained(audience, f, ownMix, test)
                        || recruitsByOtherFollows && unheard(f, current, lightFloor)
                        && Models.unexplained(audience, f, ownMix, true, test))) {
                    out.add(f);
                }
            }
            for (int f : touched) {
                follows[f] = 0;
            }
            int[] a = out.toIntArray();
            Arrays.sort(a);
            return a;
        }

        /**
         * Whether every follower of {@code f} is in {@code current} or follows at least {@code floor} of the targets
         * {@link #countFollowsOf} counted (follows[] set): f is followed by nobody outside the block and its
         * candidates, as a bought account is (its followers, if any, are its fellow accounts). O(in-degree of f ·
         * log |current|).
         */
        private boolean unheard(int f, int[] current, int floor) {
            for (int i = finder.inStart(f); i < finder.inEnd(f); i++) {
                int g = finder.inFollower(i);
                if (follows[g] < floor && Arrays.binarySearch(current, g) < 0) {
                    return false;
                }
            }
            return true;
        }

        /** The creation time of account {@code f}, {@link Activity#NO_TIME} when unknown or not given. */
        long created(int f) {
            return created == null ? Activity.NO_TIME : created[f];
        }

        /**
         * The creation time of the earliest member of {@code burst} whose creation time is known, or
         * {@link Activity#NO_TIME} when there is none (or growth knows no creation times).
         */
        long burstStart(int[] burst) {
            long from = Activity.NO_TIME;
            if (created == null) {
                return from;
            }
            for (int f : burst) {
                long c = created[f];
                if (c != Activity.NO_TIME && (from == Activity.NO_TIME || c < from)) {
                    from = c;
                }
            }
            return from;
        }

        /**
         * Whether account {@code f} was created within the seed's creation burst: in the {@code creationBurst} span
         * that starts at the burst's earliest member ({@code from}, {@link #burstStart}), the span in which
         * {@code burstCore} found the burst.
         */
        private boolean inBurstSpan(int f, long from) {
            if (from == Activity.NO_TIME) {
                return false;
            }
            long c = created[f];
            return c != Activity.NO_TIME && c >= from && c - from <= params.creationBurst();
        }

        /**
         * The members of a kept block ({@code fs}, ascending) without its thin ones: members outside the seed's
         * {@code burst} and its {@code anchored} members that follow fewer than {@link #lightFloor} of its
         * {@code ts}, the {@code minDensity} share the block test asks of the whole, and that someone outside the
         * block follows. Growth admits a member that follows {@code minTargets} of the targets and passes the lift;
         * past 4 · {@code minTargets} targets that is below the share, and accounts that follow back whoever follows
         * them follow a dozen of the 351 accounts a follow-unfollow farm works through (shares 0.03–0.04 where the
         * farm's members hold 0.27 and more): enough for the lift on accounts few others follow, too little to share
         * the farm's verdict. A thin member known to nobody outside the block stays: a drip-feed pool's or a farm's
         * account works through part of its queue and is followed by nobody, or by its fellow accounts, and a
         * hundred accounts follow a follow-back account. Applied to the block reported, not to growth: the thin
         * members still leave the search with the block, since a floor inside growth changes which blocks the later
         * rounds build (docs/quality.md, "A member floor of the block's density share"). O(Σ out-degrees of fs ·
         * log |ts| + the thin members' in-degrees · log |fs|).
         */
        int[] withoutThin(int[] fs, int[] ts, int[] burst, int[] anchored) {
            int[] holding = coFollowers(finder, fs, ts, lightFloor(ts.length));
            IntArrayList out = new IntArrayList(fs.length);
            for (int f : fs) {
                if (Arrays.binarySearch(holding, f) >= 0 || Arrays.binarySearch(burst, f) >= 0
                        || Arrays.binarySearch(anchored, f) >= 0 || !followedFromOutside(finder, f, fs)) {
                    out.add(f);
                }
            }
            return out.toIntArray();
        }

        /**
         * The fewest of {@code targets} block targets that a light member (below {@code minTargets}, outside the
         * burst) must follow: a share {@code minDensity} of them, so that it does not thin the block below the
         * density its test asks, and at least two (one follow is no co-following).
         */
        int lightFloor(int targets) {
            return Math.max(2, (int) Math.ceil(params.minDensity() * targets - 1e-9));
        }

        /**
         * The member test for a light member among {@code examined} candidates: lift at least {@code minLift} and a
         * Poisson tail of at most {@code maxPValue / examined} (Bonferroni over the candidates of the step), so that
         * the step admits a light account by chance with probability at most {@code maxPValue}, however many
         * accounts follow one of the targets. The {@code minTargets} floor does that job for the other candidates
         * by their count of shared targets, at the uncorrected tail.
         */
        BiPredicate<Long, Double> lightTest(int examined) {
            double corrected = params.maxPValue() / Math.max(1, examined);
            return (observed, expected) -> observed >= params.minLift() * expected
                    && PoissonTail.upper((int) Math.min(Integer.MAX_VALUE, observed), expected) <= corrected;
        }

        private boolean unexplained(Long observed, Double expected) {
            return unexplained(observed.longValue(), expected.doubleValue());
        }

        private boolean unexplained(long observed, double expected) {
            return observed >= params.minLift() * expected
                    && PoissonTail.upper((int) Math.min(Integer.MAX_VALUE, observed), expected) <= params.maxPValue();
        }

        /**
         * The block test: a {@link DenseBlock} when (fs, ts) has at least minFollowers followers, minTargets
         * targets, density minDensity and follows the model cannot explain (lift ≥ minLift, Poisson tail ≤
         * maxPValue); otherwise null.
         *
         * <p>Only one-way follows are observed: a target that follows the member back makes the pair a mutual
         * follow, a tie two accounts both chose and the commonest tie of a small community, where a group of
         * friends or colleagues follow each other; the follows a farm is paid for are one-way (its client and the
         * popular accounts it is paid to follow do not follow its members back). The expectation keeps every pair,
         * so a block with mutual follows is judged conservatively. Without this a small community whose members
         * all follow each other, merged by modularity into a larger one at every resolution (archive U: twelve
         * accounts of a gaming community), was a block of its own members that the refit ({@link Models#refined})
         * cannot separate, since the refit leaves out the block's follows, which there are all of the community's
         * ties. The member tests of growth count every follow: a botnet whose amplifiers follow its seeds, which
         * follow some of them back, keeps the members it has, and its block stays evidence through its one-way
         * follows.
         */
        DenseBlock test(int[] fs, int[] ts) {
            return test(fs, ts, params.minTargets());
        }

        /**
         * As {@link #test(int[], int[])} with {@code minTargets} targets at least instead of the signal's floor: a
         * block grown from a community's captured targets ({@link CapturedTargetSeeds}) whose targets are all among
         * those captured targets is kept from two targets (see the class comment, "The block test").
         */
        DenseBlock test(int[] fs, int[] ts, int minTargets) {
            if (fs.length < params.minFollowers() || ts.length < minTargets) {
                return null;
            }
            int[] candidates = union(heldOut(fs, ts), burstOfBlock);
            int[] homesWithout = byOtherFollows ? ts : null;
            model.placeByFollowsOutside(homesWithout);
            model.setBlock(fs, candidates, held, heldSuspects);
            model.placeByFollowsOutside(null);
            long observed = 0;
            long follows = 0;
            double expected = 0;
            for (int t : ts) {
                for (int i = finder.inStart(t); i < finder.inEnd(t); i++) {
                    int f = finder.inFollower(i);
                    if (Arrays.binarySearch(fs, f) >= 0) {
                        follows++;
                        // a mutual follow is a tie, not evidence
                        if (!finder.follows(t, f)) {
                            observed++;
                        }
                    }
                }
                expected += model.expected(t);
            }
            double density = follows / ((double) fs.length * ts.length);
            if (density < params.minDensity() || !unexplained(observed, expected)) {
                return null;
            }
            // a block inside one community is tested again with that community refitted on its own follows
            long refitStart = System.nanoTime();
            long refitCpu = processCpu();
            Models local = model.refined(fs, ts);
            refitNanos += System.nanoTime() - refitStart;
            refitCpuNanos += processCpu() - refitCpu;
            refits++;
            if (local != null) {
                local.placeByFollowsOutside(homesWithout);
                local.setBlock(fs, candidates, held, heldSuspects);
                local.placeByFollowsOutside(null);
                double refined = 0;
                for (int t : ts) {
                    refined += local.expected(t);
                }
                if (!unexplained(observed, refined)) {
                    return null;
                }
                expected = Math.max(expected, refined);
            }
            double p = PoissonTail.upper((int) Math.min(Integer.MAX_VALUE, observed), expected);
            return new DenseBlock(fs, ts, density, observed, expected, p);
        }
    }

    /**
     * Each member of the block linked to its {@code partners} most similar fellow members (Jaccard of their followed
     * sets within the block; ties: more shared targets, then the smaller id); an edge kept by either end appears
     * once.
     */
    private List<CoordinationEdge> blockEdges(Activity activity, DenseBlockFinder finder, int[] fs, int[] ts) {
        int[] targetIndex = new int[activity.accountCount()];
        Arrays.fill(targetIndex, -1);
        for (int i = 0; i < ts.length; i++) {
            targetIndex[ts[i]] = i;
        }
        int[] members = fs;
        BitSet[] sets = new BitSet[fs.length];
        for (int i = 0; i < fs.length; i++) {
            BitSet set = new BitSet(ts.length);
            for (int e = finder.outStart(fs[i]); e < finder.outEnd(fs[i]); e++) {
                int t = targetIndex[finder.outTarget(e)];
                if (t >= 0) {
                    set.set(t);
                }
            }
            sets[i] = set;
        }
        if (members.length > MAX_BLOCK_FOLLOWERS) {
            // keep the most connected followers
            Integer[] order = new Integer[members.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            BitSet[] all = sets;
            Arrays.sort(order, (x, y) -> Integer.compare(all[y].cardinality(), all[x].cardinality()));
            int[] keptMembers = new int[MAX_BLOCK_FOLLOWERS];
            BitSet[] keptSets = new BitSet[MAX_BLOCK_FOLLOWERS];
            for (int i = 0; i < MAX_BLOCK_FOLLOWERS; i++) {
                keptMembers[i] = members[order[i]];
                keptSets[i] = all[order[i]];
            }
            members = keptMembers;
            sets = keptSets;
        }
        int k = members.length;
        int[] size = new int[k];
        for (int i = 0; i < k; i++) {
            size[i] = sets[i].cardinality();
        }
        LongOpenHashSet chosen = new LongOpenHashSet();
        List<CoordinationEdge> out = new ArrayList<>();
        int partners = params.partners();
        int[] best = new int[partners];
        int[] bestShared = new int[partners];
        double[] bestJaccard = new double[partners];
        for (int i = 0; i < k; i++) {
            int found = 0;
            for (int j = 0; j < k; j++) {
                if (j == i) {
                    continue;
                }
                BitSet shared = (BitSet) sets[i].clone();
                shared.and(sets[j]);
                int c = shared.cardinality();
                if (c == 0) {
                    continue;
                }
                double jaccard = (double) c / (size[i] + size[j] - c);
                // insertion into the sorted top list
                int at = found;
                while (at > 0 && better(jaccard, c, members[j], bestJaccard[at - 1], bestShared[at - 1],
                        members[best[at - 1]])) {
                    at--;
                }
                if (at >= partners) {
                    continue;
                }
                int last = Math.min(found, partners - 1);
                for (int x = last; x > at; x--) {
                    best[x] = best[x - 1];
                    bestShared[x] = bestShared[x - 1];
                    bestJaccard[x] = bestJaccard[x - 1];
                }
                best[at] = j;
                bestShared[at] = c;
                bestJaccard[at] = jaccard;
                found = Math.min(partners, found + 1);
            }
            for (int x = 0; x < found; x++) {
                int a = members[i], b = members[best[x]];
                int lo = Math.min(a, b), hi = Math.max(a, b);
                if (!chosen.add(CoordinationEdge.pairKey(lo, hi))) {
                    continue;
                }
                BitSet shared = (BitSet) sets[i].clone();
                shared.and(sets[best[x]]);
                List<Evidence> ev = new ArrayList<>();
                for (int t = shared.nextSetBit(0); t >= 0 && ev.size() < evidenceCap; t = shared.nextSetBit(t + 1)) {
                    ev.add(new Evidence(activity.accountId(ts[t]), activity.accountCreated(lo),
                            activity.accountCreated(hi)));
                }
                out.add(new CoordinationEdge(lo, hi, name(), bestJaccard[x], bestShared[x], ev));
            }
        }
        return out;
    }

    /**
     * The fewest targets the block test asks of a block with {@code targets}, grown from a seed of the given kind:
     * two for a captured seed when every target is a captured target of some partition ({@code capturedIn}: in how
     * many partitions each account is one, {@link CapturedTargetSeeds#counts}), and for a seed grown from a creation
     * burst when a target is captured by the block in {@code most} partitions or more ({@code capturedByBlock}, one
     * count per target, {@link CapturedTargetSeeds#capturedBy}): a fresh farm whose vendor serves two or three
     * clients and otherwise follows the platform's top accounts, which the model explains, has three or four
     * targets (its clients, and a top account of another language that the model does not expect its members to
     * follow). {@code minTargets} otherwise. See the class comment, "Few targets, and sign-up waves".
     */
    int blockFloor(boolean capturedSeed, boolean burst, int[] targets, int[] capturedIn, int[] capturedByBlock,
                   int most) {
        return capturedSeed && allCaptured(capturedIn, 1, targets) || burst && !onboarding(capturedByBlock, most)
                ? 2 : params.minTargets();
    }

    /**
     * Account f leaves growth ({@code spent}). When a block that an explanation set aside holds it
     * ({@code explainedTargets}, that block's targets; null for a kept block) and it was free until now, its follows
     * of those targets are accounted for ({@code accounted}, read by {@link BoughtAudiences#pass}): the first
     * verdict on an account is the one that spends it.
     */
    static void spend(int f, boolean[] spent, int[][] accounted, int[] explainedTargets) {
        if (!spent[f] && explainedTargets != null) {
            accounted[f] = explainedTargets;
        }
        spent[f] = true;
    }

    /** The accounts of [0, n) that are in any of {@code groups}. O(n + their sizes). */
    static boolean[] inAny(List<int[]> groups, int n) {
        boolean[] in = new boolean[n];
        for (int[] g : groups) {
            for (int f : g) {
                in[f] = true;
            }
        }
        return in;
    }

    /**
     * The cohort pass's verdict on one creation burst {@code cohort} (ascending, from {@link #creationBursts}): its
     * members not in a kept block ({@code spent}) that follow at least {@link Growth#lightFloor} of the targets the
     * cohort captures ({@link #capturedTargets}), with those targets, when the block test keeps them (floor of two
     * targets; the cohort and the followers of those targets created next to it, {@link #createdNear}, held out of
     * the rates, {@link Growth#judgeBurst}); otherwise null. Used only with
     * {@link #cohortsWhole} on. The pass holds the archive's other bursts out as suspects ({@link Growth#holdSuspects}),
     * so the caller of this phase decides what {@code growth} holds.
     *
     * <p>Why: a fresh farm's vendor serves one to eight clients, and its accounts otherwise follow the platform's
     * top accounts. Each member follows one to three clients that the model expects it to follow 0.05–0.1 times
     * each, so the member test of growth, one account at a time at the model's tail, passes almost none
     * (P(Poisson(0.1) ≥ 2) ≈ 0.005 against {@code maxPValue} 10⁻³). The evidence is the cohort's: accounts created
     * in the same days that follow the same accounts, whose audience they make (Cresci et al. 2015, "Fame for sale:
     * efficient detection of fake Twitter followers", Decision Support Systems 80; Stringhini et al. 2013, "Follow
     * the green: growth and dynamics in Twitter follower markets", IMC: a client's bought followers are a large
     * part of its followers). A member is evidence only for what the cohort captures: judged on every target the
     * cohort follows more than its communities' habits, the top accounts a farm follows as camouflage dilute the
     * clients (a block of 286 × 5 of the fourth generator's g3, 285 of them farm, failed at lift 3.2 with three top
     * accounts among its targets), and ordinary accounts created in the same days that follow one client and one
     * top account joined it. A starter list is made of the platform's most-followed accounts (Gupta et al., "WTF:
     * The Who to Follow Service at Twitter", WWW 2013), whose audience is the platform's, not a cohort's: an honest
     * sign-up wave captures no target and makes no block here.
     *
     * <p>The pass runs after every other round and changes nothing they decide (only the accounts of a block it
     * keeps become spent, and cohorts are disjoint): a cohort's block is a function of the cohort and the blocks
     * the other rounds kept, whatever the order the peeling met its seeds in. O(Σ out-degrees of the cohort ·
     * log |T| + partitions · Σ in-degrees of T · log |cohort|) for T its own targets.
     */
    DenseBlock cohortBlock(DenseBlockFinder finder, Growth growth, List<int[]> partitions, int[][] homes, int[] cohort,
                           boolean[] spent) {
        IntArrayList free = new IntArrayList();
        for (int f : cohort) {
            if (!spent[f]) {
                free.add(f);
            }
        }
        if (free.size() < params.minFollowers()) {
            return null;
        }
        int[] members = free.toIntArray();
        int[] captured = capturedTargets(finder, partitions, homes, members, growth.targets(members));
        if (captured.length < 2) {
            return null;
        }
        int[] fs = coFollowers(finder, members, captured, growth.lightFloor(captured.length));
        growth.judgeBurst(union(members, createdNear(finder, growth, members, captured)));
        DenseBlock kept = growth.test(fs, captured, 2);
        growth.judgeBurst(new int[0]);
        return kept;
    }

    /**
     * The cohort pass's second verdict on one creation burst {@code cohort} (ascending), when the block of its
     * captured targets ({@link #cohortBlock}) is not kept: its members not in a kept block ({@code spent}) that no
     * account outside the cohort follows ({@link #unfollowed}), at least {@code minFollowers} of them, judged on
     * their own targets ({@link Growth#targets}: followed by a share {@code minDensity} of them, {@code minLift}
     * times as often as their communities' habits predict, Poisson tail ≤ {@code maxPValue}) that they follow
     * {@code minLift} times as often as the rest of the platform ({@link #aboveThePlatform}); the members following
     * at least min(|T|, {@link Growth#lightFloor}) of those targets T make the block, and the block test judges it
     * from one target, with the cohort's free members and the followers of T created next to it
     * ({@link #createdNear}) held out of the rates. Otherwise null. Used only with {@link #cohortsWhole} and
     * {@link #unfollowedCohorts} on.
     *
     * <p>Why: a fresh farm's vendor serves one to eight clients, often accounts with audiences of their own, so
     * the cohort captures fewer than two of them and {@link #cohortBlock} makes no block (a farm of one client, or
     * of clients whose organic audience is most of their followers). What tells the farm from an honest crowd
     * created together and drawn to the same account is the accounts themselves: a bought account is followed by
     * nobody, since nobody knows it (Cresci et al. 2015, "Fame for sale: efficient detection of fake Twitter
     * followers", Decision Support Systems 80: the follower count is among the strongest features of fake
     * followers; Stringhini et al. 2013, "Follow the green", IMC: market accounts follow customers and are not
     * followed), while a newcomer is followed by the people it knows. The evidence is the model's still: the
     * members' follows of their targets must be unexplained by their communities' habits, as for every block; the
     * unfollowed members only choose whom the block may hold. A one-target block is otherwise no finding here:
     * without the account-level evidence, one account followed by a crowd created together is what an event's
     * newcomers also make.
     *
     * <p>When that finds no block, the same steps run once more with the members placed by their follows outside
     * the accounts under test ({@link Growth#placeByOtherFollows}, {@link FollowNullModel}, "Homes without the
     * targets"). The partition placed these members, whom nobody follows, by all their follows, those of the targets
     * included: a farm whose ties are its client, its camouflage and its own accounts is a community with the
     * client, whose audience then explains it (docs/quality.md, "Traced: z2's fresh farm B"). Placed by their other
     * follows, members whose community leads them to the targets are still explained; the rest of the test is
     * unchanged. The block is kept when either placement leaves it unexplained: the second is no weaker test of the
     * same placement but the one placement that does not read the follows under test, and it runs only for members
     * that are both created in one burst and followed by nobody. O(Σ in-degrees and out-degrees of the cohort · log
     * |cohort|) beside the block tests.
     */
    DenseBlock unfollowedBlock(DenseBlockFinder finder, Growth growth, int[] cohort, boolean[] spent) {
        int[] members = unfollowed(finder, cohort, spent);
        if (members.length < params.minFollowers()) {
            return null;
        }
        DenseBlock kept = unfollowedBlock(finder, growth, cohort, members, spent);
        if (kept == null && homesWithoutTargets) {
            growth.placeByOtherFollows(true);
            kept = unfollowedBlock(finder, growth, cohort, members, spent);
            growth.placeByOtherFollows(false);
        }
        return kept;
    }

    /** {@link #unfollowedBlock(DenseBlockFinder, Growth, int[], boolean[])} with the cohort's unfollowed members. */
    private DenseBlock unfollowedBlock(DenseBlockFinder finder, Growth growth, int[] cohort, int[] members,
                                       boolean[] spent) {
        int[] own = aboveThePlatform(finder, spent.length, members, growth.targets(members));
        if (own.length == 0) {
            return null;
        }
        int[] fs = coFollowers(finder, members, own, Math.min(own.length, growth.lightFloor(own.length)));
        IntArrayList free = new IntArrayList();
        for (int f : cohort) {
            if (!spent[f]) {
                free.add(f);
            }
        }
        growth.judgeBurst(union(free.toIntArray(), createdNear(finder, growth, members, own)));
        DenseBlock kept = growth.test(fs, own, 1);
        growth.judgeBurst(new int[0]);
        return kept;
    }

    /**
     * The accounts of {@code targets} that a share of {@code members} (ascending) follows at least {@code minLift}
     * times the share of the other accounts of [0, n) that follows it, ascending. A vendor's camouflage is the platform's
     * most-followed accounts, which its members follow at most a few times as often as everyone does, and which a
     * member's communities may not lead it to (so the model leaves them among the members' own targets): summed
     * with the clients in the block test, their expectations dilute the clients' evidence. O(Σ in-degrees of targets
     * · log |members|).
     */
    int[] aboveThePlatform(DenseBlockFinder finder, int n, int[] members, int[] targets) {
        return aboveThePlatform(finder, n, members, targets, params.minLift());
    }

    /** {@link #aboveThePlatform(DenseBlockFinder, int, int[], int[])} at lift {@code minLift}. */
    static int[] aboveThePlatform(DenseBlockFinder finder, int n, int[] members, int[] targets, double minLift) {
        IntArrayList out = new IntArrayList();
        long others = (long) n - members.length;
        for (int t : targets) {
            int in = 0;
            for (int i = finder.inStart(t); i < finder.inEnd(t); i++) {
                in += Arrays.binarySearch(members, finder.inFollower(i)) >= 0 ? 1 : 0;
            }
            // in / |members| ≥ minLift · (inDegree − in) / others, without division
            if ((double) in * others >= minLift * (finder.inDegree(t) - in) * (double) members.length) {
                out.add(t);
            }
        }
        return out.toIntArray();
    }

    /**
     * The accounts of {@code cohort} (ascending) not in a kept block ({@code spent}) that no account outside the
     * cohort follows, ascending. O(Σ in-degrees of the cohort · log |cohort|).
     */
    static int[] unfollowed(DenseBlockFinder finder, int[] cohort, boolean[] spent) {
        IntArrayList out = new IntArrayList();
        for (int f : cohort) {
            if (spent[f]) {
                continue;
            }
            if (!followedFromOutside(finder, f, cohort)) {
                out.add(f);
            }
        }
        return out.toIntArray();
    }

    /**
     * Whether at least {@code min} of {@code block}'s followers are hired by its targets ({@link LockstepReaders#hired}):
     * they act on the targets in lockstep with the block's other followers, post nothing else, and are tied to those
     * followers no more than their degree explains. Readers of a client act on it at their own times and post their
     * own lives; fans who meet on an idol's posts know one another; accounts bought to amplify a client meet on its
     * posts within the co-retweet window with nothing else to say (CopyCatch, Beutel et al., WWW 2013; the retweet
     * markets of Stringhini et al., IMC 2013). Cost as {@link LockstepReaders#hired(DenseBlock)}.
     */
    static boolean hiredBlock(LockstepReaders actors, DenseBlock block, int min) {
        return actors.hired(block).length >= min;
    }

    /**
     * Whether most of a block's members {@code fs} (ascending) have an audience of their own ({@link #hasAudience}).
     * A bought or pooled account gets its followers by following first (accounts that follow back whoever follows
     * them), from its clients, or from fellow accounts of its batch; an ordinary reader is followed by friends it need
     * not follow. An aged account bought second-hand keeps the audience of its past: this says who can be readers,
     * not who is a farm. O(Σ in-degrees of fs · log(|fs| + |ts| + out-degree)).
     */
    static boolean audienceOfTheirOwn(DenseBlockFinder finder, long[] created, long span, int[] fs, int[] ts) {
        int known = 0;
        for (int f : fs) {
            known += hasAudience(finder, created, span, f, fs, ts) ? 1 : 0;
        }
        return 2 * known > fs.length;
    }

    /**
     * Whether member {@code f} of the block {@code fs} with targets {@code ts} (both ascending) is followed by an
     * account outside both that f does not follow and that was not created within {@code span} seconds of f
     * (creation times {@code created}, {@link Activity#NO_TIME} when unknown; an unknown time on either side counts
     * as apart): the fellow accounts of a batch follow one another, as {@link BoughtAudiences}' unknown accounts are
     * followed only by their own batch, and the signal passes that model's longest batch span, half a year (a fresh
     * farm made over a month, a pool over months). O(in-degree of f · log(|fs| + |ts| + out-degree of f)).
     */
    static boolean hasAudience(DenseBlockFinder finder, long[] created, long span, int f, int[] fs, int[] ts) {
        for (int i = finder.inStart(f); i < finder.inEnd(f); i++) {
            int g = finder.inFollower(i);
            if (Arrays.binarySearch(fs, g) < 0 && Arrays.binarySearch(ts, g) < 0 && !finder.follows(f, g)
                    && !madeTogether(created, span, f, g)) {
                return true;
            }
        }
        return false;
    }

    private static boolean madeTogether(long[] created, long span, int f, int g) {
        long a = created[f];
        long b = created[g];
        return a != Activity.NO_TIME && b != Activity.NO_TIME && Math.abs(a - b) <= span;
    }

    /**
     * Whether an account outside {@code group} (ascending) follows account {@code f}. O(in-degree of f · log |group|).
     */
    static boolean followedFromOutside(DenseBlockFinder finder, int f, int[] group) {
        for (int i = finder.inStart(f); i < finder.inEnd(f); i++) {
            if (Arrays.binarySearch(group, finder.inFollower(i)) < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The followers of {@code targets} created within one {@code creationBurst} span before the first creation of
     * {@code cohort} (ascending) or after its last, ascending: held out of the rates of the cohort's block with the
     * cohort itself ({@link Growth#judgeBurst}). A vendor that makes its accounts over more than one span (the fourth
     * generator's g3: a farm made in nine days, 443 of its 526 accounts in the largest seven-day burst) leaves the
     * rest of the farm next to the cohort; following the clients the cohort captures, from the community the farm
     * makes with them, they would be read as that community's ordinary following and explain the cohort (g3: 113
     * accounts, all of them farm, the block's expectation 204.0 with them in the rates and 17.2 without, against 332
     * follows observed). An honest community's followers of its own accounts, created over years, stay in the rates.
     * O(Σ in-degrees of targets).
     */
    int[] createdNear(DenseBlockFinder finder, Growth growth, int[] cohort, int[] targets) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int f : cohort) {
            long c = growth.created(f);
            if (c != Activity.NO_TIME) {
                first = Math.min(first, c);
                last = Math.max(last, c);
            }
        }
        IntArrayList out = new IntArrayList();
        if (first > last) {
            return out.toIntArray();
        }
        long span = params.creationBurst();
        for (int t : targets) {
            for (int i = finder.inStart(t); i < finder.inEnd(t); i++) {
                int f = finder.inFollower(i);
                long c = growth.created(f);
                if (c != Activity.NO_TIME && c >= first - span && c <= last + span) {
                    out.add(f);
                }
            }
        }
        int[] a = out.toIntArray();
        Arrays.sort(a);
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            if (i == 0 || a[i] != a[i - 1]) {
                a[k++] = a[i];
            }
        }
        return Arrays.copyOf(a, k);
    }

    /**
     * The targets of {@code targets} (ascending; the cohort's own, {@link Growth#targets(int[])}: followed by a share
     * {@code minDensity} of it at least {@code minLift} times as often as its communities' habits predict) that the
     * {@code cohort} (ascending) captures in most of the {@code partitions} ({@link CapturedTargetSeeds#capturedBy}:
     * a captured target of the community holding most of the cohort's followers of it, or one the cohort follows
     * {@code minLift} times as often as everyone else does), the rule by which a block's captured targets tell a farm
     * from a starter list's newcomers ({@link #onboarding}). Ascending. O(partitions · Σ in-degrees of targets ·
     * log |cohort|).
     */
    int[] capturedTargets(DenseBlockFinder finder, List<int[]> partitions, int[][] homes, int[] cohort,
                          int[] targets) {
        int[] by = CapturedTargetSeeds.capturedBy(finder, partitions, homes, cohort, targets, params.minLift());
        int most = partitions.size() / 2 + 1;
        IntArrayList out = new IntArrayList();
        for (int i = 0; i < targets.length; i++) {
            if (by[i] >= most) {
                out.add(targets[i]);
            }
        }
        return out.toIntArray();
    }

    /**
     * The accounts of {@code fs} (ascending) that follow at least {@code floor} of {@code targets} (ascending),
     * ascending. O(Σ out-degrees of fs · log |targets|).
     */
    static int[] coFollowers(DenseBlockFinder finder, int[] fs, int[] targets, int floor) {
        IntArrayList out = new IntArrayList();
        for (int f : fs) {
            int k = 0;
            for (int i = finder.outStart(f); i < finder.outEnd(f) && k < floor; i++) {
                k += Arrays.binarySearch(targets, finder.outTarget(i)) >= 0 ? 1 : 0;
            }
            if (k >= floor) {
                out.add(f);
            }
        }
        return out.toIntArray();
    }

    /**
     * The members of the creation burst {@code burst} (ascending) not in a kept block ({@code spent}) that follow at
     * least two of the block's {@code targets} captured by it in {@code most} partitions or more
     * ({@code capturedByBlock}, one count per target), ascending. Growth's member test judges each account on its
     * own follows, at the model's tail: a fresh farm member that follows two of its vendor's three clients, which
     * the model expects it to follow 0.05–0.1 times each, is not significant by itself (P(Poisson(0.25) ≥ 2) ≈ 0.03
     * against {@code maxPValue} 10⁻³), and the burst found through those clients would keep only its members
     * following all of them. Created in the burst and following two accounts whose audience the block owns is the
     * co-following a farm is paid for: such members join the block (as a captured seed's members are anchored
     * whole), and the block test judges them with the rest. Honest newcomers follow no captured account (see the
     * class comment, "Few targets, and sign-up waves"). O(Σ out-degrees of the burst · log |targets|).
     */
    static int[] ownersFollowers(DenseBlockFinder finder, int[] burst, int[] targets, int[] capturedByBlock, int most,
                                 boolean[] spent) {
        IntArrayList out = new IntArrayList();
        for (int f : burst) {
            if (spent[f]) {
                continue;
            }
            int owned = 0;
            for (int i = finder.outStart(f); i < finder.outEnd(f) && owned < 2; i++) {
                int k = Arrays.binarySearch(targets, finder.outTarget(i));
                owned += k >= 0 && capturedByBlock[k] >= most ? 1 : 0;
            }
            if (owned >= 2) {
                out.add(f);
            }
        }
        return out.toIntArray();
    }

    /**
     * Whether a block grown from a creation burst is what an onboarding suggestion list explains: none of its targets
     * is captured by it in {@code most} partitions or more ({@code capturedByBlock}, one count per target,
     * {@link CapturedTargetSeeds#capturedBy}; see the class comment, "Few targets, and sign-up waves").
     */
    static boolean onboarding(int[] capturedByBlock, int most) {
        for (int c : capturedByBlock) {
            if (c >= most) {
                return false;
            }
        }
        return true;
    }

    /** Whether every account of {@code accounts} is a captured target of at least {@code least} partitions. */
    static boolean allCaptured(int[] capturedIn, int least, int[] accounts) {
        for (int x : accounts) {
            if (capturedIn[x] < least) {
                return false;
            }
        }
        return true;
    }

    /** The union of two ascending arrays of distinct ids, ascending. */
    static int[] union(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0, j = 0, k = 0;
        while (i < a.length || j < b.length) {
            int x = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            if (i < a.length && a[i] == x) {
                i++;
            }
            if (j < b.length && b[j] == x) {
                j++;
            }
            out[k++] = x;
        }
        return Arrays.copyOf(out, k);
    }

    private static boolean better(double jaccard, int shared, int id, double otherJaccard, int otherShared,
                                  int otherId) {
        if (jaccard != otherJaccard) {
            return jaccard > otherJaccard;
        }
        if (shared != otherShared) {
            return shared > otherShared;
        }
        return id < otherId;
    }
}
