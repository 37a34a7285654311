package io.lockstep.visual;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import io.lockstep.activity.Urls;
import io.lockstep.campaign.Campaign;
import io.lockstep.coordination.AccountVerdict;
import io.lockstep.coordination.Cluster;
import io.lockstep.coordination.CoordinationEdge;
import io.lockstep.coordination.CoordinationSignal;
import io.lockstep.coordination.CreationBatches;
import io.lockstep.coordination.CoordinationParams;
import io.lockstep.coordination.CoordinationResult;
import io.lockstep.coordination.Evidence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns detection results into what the report says about them: campaigns grouped per hashtag with their bursts
 * and timelines, and for each cluster its members (most central first), the links it pushed and its evidence in
 * sentences with examples ("retweeted the same 14 posts within 60 s of each other, e.g. …"). Everything is counted
 * from the activity and the coordination edges; nothing is tuned to a data set.
 *
 * <p>Cost: one pass over the posts for all campaign hashtags, one per cluster, plus the cluster's coordination edges.
 */
public final class ReportFacts {
    /** Longest per-minute timeline kept (two weeks); longer spans are cut at that length. */
    public static final int MAX_MINUTES = 14 * 24 * 60;
    /** A creation burst is reported when this share of the members was created within {@link #BURST_DAYS} days. */
    static final double BURST_SHARE = 0.8;
    static final int BURST_DAYS = 30;
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Activity act;
    private final CoordinationResult detection;
    private final CoordinationParams params;
    private Map<String, Integer> postIndex;
    private Boolean postsInIdOrder;
    private int[] authorOffsets;
    private int[] authorPosts;
    /** The members created in batches, built on first use ({@link #creationBatches}). */
    private CreationBatches batches;
    /** Scratch of {@link #cluster}: the members of the cluster being described; all false between calls. */
    private boolean[] inCluster;

    public ReportFacts(Activity act, CoordinationResult detection, CoordinationParams params) {
        this.act = Objects.requireNonNull(act, "act");
        this.detection = Objects.requireNonNull(detection, "detection");
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The account as the report names it. */
    public ReportModel.Name name(int account) {
        return new ReportModel.Name(act.accountId(account), act.screenName(account));
    }

    private String mention(int account) {
        return AccountNames.mention(act.accountId(account), act.screenName(account));
    }

    // ---- campaigns ----

    /** The campaigns grouped per hashtag, strongest (most coordinated posts) first. */
    public List<ReportModel.Campaign> campaigns() {
        Map<String, List<Campaign>> byTag = new TreeMap<>();
        for (Campaign c : detection.campaigns()) {
            byTag.computeIfAbsent(c.hashtag(), k -> new ArrayList<>()).add(c);
        }
        Map<String, Integer> tagIds = new HashMap<>();
        for (int h = 0; h < act.hashtagDictionarySize(); h++) {
            tagIds.put(act.hashtag(h), h);
        }
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        for (int p = 0; p < act.postCount(); p++) {
            long t = act.time(p);
            if (t != Activity.NO_TIME) {
                first = Math.min(first, t);
                last = Math.max(last, t);
            }
        }
        int[] tags = new int[byTag.size()];
        int k = 0;
        for (String hashtag : byTag.keySet()) {
            Integer tag = tagIds.get(hashtag);
            tags[k++] = tag == null ? -1 : tag;
        }
        int[][] tagged = postsTagged(tags);
        List<ReportModel.Campaign> out = new ArrayList<>();
        k = 0;
        for (Map.Entry<String, List<Campaign>> e : byTag.entrySet()) {
            List<Campaign> bursts = new ArrayList<>(e.getValue());
            bursts.sort(Comparator.comparingLong(Campaign::start));
            out.add(campaign(e.getKey(), tagged[k++], bursts, first, last));
        }
        // campaigns run by flagged accounts first: by coordinated posts weighted with the flagged share, then the rest
        out.sort(Comparator.comparingDouble((ReportModel.Campaign c) -> -c.coordinatedPosts() * c.flaggedShare())
                .thenComparing(Comparator.comparingDouble(ReportModel.Campaign::coordinatedPosts).reversed())
                .thenComparing(ReportModel.Campaign::hashtag));
        return out;
    }

    /**
     * The posts carrying each of {@code tags} (hashtag ids, -1 for none), each list in ascending order and without
     * repeats: one pass over the posts for all campaign hashtags instead of one per hashtag.
     */
    private int[][] postsTagged(int[] tags) {
        int[] slot = new int[act.hashtagDictionarySize()];
        Arrays.fill(slot, -1);
        for (int i = 0; i < tags.length; i++) {
            if (tags[i] >= 0) {
                slot[tags[i]] = i;
            }
        }
        int[] count = new int[tags.length];
        int[] lastPost = new int[tags.length];
        Arrays.fill(lastPost, -1);
        for (int pass = 0; pass < 2; pass++) {
            int[][] out = pass == 1 ? new int[tags.length][] : null;
            if (out != null) {
                for (int i = 0; i < tags.length; i++) {
                    out[i] = new int[count[i]];
                }
                Arrays.fill(count, 0);
                Arrays.fill(lastPost, -1);
            }
            for (int p = 0; p < act.postCount(); p++) {
                for (int j = 0; j < act.hashtagCount(p); j++) {
                    int i = slot[act.hashtagOf(p, j)];
                    if (i >= 0 && lastPost[i] != p) { // a post naming a hashtag twice counts once
                        lastPost[i] = p;
                        if (out != null) {
                            out[i][count[i]] = p;
                        }
                        count[i]++;
                    }
                }
            }
            if (out != null) {
                return out;
            }
        }
        throw new AssertionError("unreachable");
    }

    private ReportModel.Campaign campaign(String hashtag, int[] tagged, List<Campaign> bursts, long first, long last) {
        long start = first == Long.MAX_VALUE ? 0 : Math.floorDiv(first, 60) * 60;
        int minutes = first == Long.MAX_VALUE ? 0 : (int) Math.min(MAX_MINUTES, (last - start) / 60 + 1);
        int[] posts = new int[minutes], coordinated = new int[minutes];
        int[] burstPosts = new int[bursts.size()];
        List<Map<Integer, Integer>> amplifierPosts = new ArrayList<>();
        List<Set<Integer>> campaignAccounts = new ArrayList<>();
        for (Campaign b : bursts) {
            amplifierPosts.add(new HashMap<>());
            Set<Integer> s = new HashSet<>();
            Arrays.stream(b.seeds()).forEach(s::add);
            Arrays.stream(b.amplifiers()).forEach(s::add);
            campaignAccounts.add(s);
        }
        for (int p : tagged) {
            long t = act.time(p);
            if (t == Activity.NO_TIME) {
                continue;
            }
            int m = (int) ((t - start) / 60);
            boolean inside = m >= 0 && m < minutes;
            if (inside) {
                posts[m]++;
            }
            for (int i = 0; i < bursts.size(); i++) {
                Campaign b = bursts.get(i);
                if (t >= b.start() && t < b.end()) {
                    burstPosts[i]++;
                    int author = act.author(p);
                    if (campaignAccounts.get(i).contains(author)) {
                        if (inside) {
                            coordinated[m]++;
                        }
                        amplifierPosts.get(i).merge(author, 1, Integer::sum);
                    }
                }
            }
        }
        List<ReportModel.Burst> out = new ArrayList<>();
        for (int i = 0; i < bursts.size(); i++) {
            Campaign b = bursts.get(i);
            Map<Integer, Integer> activity = amplifierPosts.get(i);
            List<ReportModel.Name> amplifiers = Arrays.stream(b.amplifiers()).boxed()
                    .sorted(Comparator.comparingInt((Integer a) -> -activity.getOrDefault(a, 0)).thenComparing(act::accountId))
                    .map(this::name).toList();
            out.add(new ReportModel.Burst(b.start(), b.end(), burstPosts[i], Math.max(0, Math.min(1, b.volumeShare())),
                    Arrays.stream(b.seeds()).mapToObj(this::name).toList(), amplifiers));
        }
        Set<Integer> accounts = new HashSet<>();
        campaignAccounts.forEach(accounts::addAll);
        Map<Integer, Integer> byCluster = new HashMap<>();
        int flagged = 0;
        for (int a : accounts) {
            AccountVerdict v = detection.accounts()[a];
            if (v.suspicious()) {
                flagged++;
                byCluster.merge(v.cluster(), 1, Integer::sum);
            }
        }
        List<Integer> clusters = byCluster.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        return new ReportModel.Campaign(hashtag, out, minutes == 0 ? null : new ReportModel.MinuteSeries(start, posts, coordinated),
                accounts.size(), flagged, clusters);
    }

    // ---- clusters ----

    /**
     * What the report says about one cluster.
     *
     * @param members  members, the most central (largest summed coordination weight inside the cluster) first
     * @param topLinks links the members shared most, most shared first (at most 3)
     * @param evidence sentences, strongest signal first
     */
    public record ClusterFacts(List<ReportModel.Name> members, List<String> topLinks, List<String> evidence) {
    }

    public ClusterFacts cluster(Cluster c) {
        Set<Integer> members = new HashSet<>();
        Arrays.stream(c.members()).forEach(members::add);
        Map<Integer, Double> centrality = new HashMap<>();
        Map<String, List<CoordinationEdge>> bySignal = new LinkedHashMap<>();
        c.signals().forEach(s -> bySignal.put(s, new ArrayList<>()));
        // every coordination edge of the archive is looked at once per cluster: its two ends are tested in an array
        if (inCluster == null) {
            inCluster = new boolean[act.accountCount()];
        }
        for (int a : c.members()) {
            inCluster[a] = true;
        }
        for (CoordinationEdge e : detection.edges()) {
            if (inCluster[e.source()] && inCluster[e.target()]) {
                centrality.merge(e.source(), e.weight(), Double::sum);
                centrality.merge(e.target(), e.weight(), Double::sum);
                bySignal.computeIfAbsent(e.signal(), k -> new ArrayList<>()).add(e);
            }
        }
        for (int a : c.members()) {
            inCluster[a] = false;
        }
        List<ReportModel.Name> names = Arrays.stream(c.members()).boxed()
                .sorted(Comparator.comparingDouble((Integer a) -> -centrality.getOrDefault(a, 0.0)).thenComparing(act::accountId))
                .map(this::name).toList();
        List<String> evidence = new ArrayList<>();
        for (Map.Entry<String, List<CoordinationEdge>> e : bySignal.entrySet()) {
            if (!e.getValue().isEmpty()) {
                String s = sentence(e.getKey(), e.getValue(), c);
                if (s != null) {
                    evidence.add(s);
                }
            }
        }
        String burst = creationBurst(c.members());
        if (burst == null) {
            burst = creationBatches(c.members());
        }
        if (burst != null) {
            evidence.add(burst);
        }
        return new ClusterFacts(names, topLinks(members), evidence);
    }

    /** "24 of the 30 accounts were created within 4 days (3 Feb – 6 Feb 2019)", or null when there is no such burst. */
    String creationBurst(int[] members) {
        long[] created = Arrays.stream(members).mapToLong(act::accountCreated).filter(t -> t != Activity.NO_TIME).sorted().toArray();
        int need = (int) Math.ceil(BURST_SHARE * members.length);
        if (created.length < need || need < 2) {
            return null;
        }
        long best = Long.MAX_VALUE;
        int at = 0;
        for (int i = 0; i + need - 1 < created.length; i++) {
            long span = created[i + need - 1] - created[i];
            if (span < best) {
                best = span;
                at = i;
            }
        }
        long days = best / 86_400 + 1;
        if (days > BURST_DAYS) {
            return null;
        }
        // all members created within the same window as the shortest one: count them
        long lo = created[at], hi = created[at + need - 1];
        int within = 0;
        for (long t : created) {
            within += t >= lo && t <= hi ? 1 : 0;
        }
        return (within == members.length ? "All " + members.length + " accounts" : within + " of the " + members.length + " accounts")
                + " were created within " + plural(days, "day") + " (" + dayRange(lo, hi) + ").";
    }

    /**
     * "272 of the 304 accounts were registered in 9 batches between 3 Feb 2019 and 6 Nov 2020: …", when at least half
     * the members were created in batches beyond the archive's rate ({@link CreationBatches}, the score's creation
     * term) and there are at least two batches; null otherwise. A batch is a run of such members each created within
     * the scorer's creation-burst span of the previous one.
     */
    String creationBatches(int[] members) {
        if (batches == null) {
            batches = new CreationBatches(act, params.cluster().creationBurst());
        }
        int[] in = batches.inBatches(members);
        if (in.length == 0 || 2 * in.length < members.length) {
            return null;
        }
        int runs = 1;
        for (int i = 1; i < in.length; i++) {
            if (act.accountCreated(in[i]) - act.accountCreated(in[i - 1]) > batches.span()) {
                runs++;
            }
        }
        if (runs < 2) {
            return null;
        }
        long lo = act.accountCreated(in[0]), hi = act.accountCreated(in[in.length - 1]);
        return (in.length == members.length ? "All " + members.length + " accounts" : in.length + " of the " + members.length + " accounts")
                + " were registered in " + runs + " batches between " + DAY.format(Instant.ofEpochSecond(lo)) + " and "
                + DAY.format(Instant.ofEpochSecond(hi)) + ": in each, accounts created within " + plural(batches.span() / 86_400, "day")
                + " of one another, more than the archive's other sign-ups of those days explain.";
    }

    private List<String> topLinks(Set<Integer> members) {
        Map<String, Integer> counts = new HashMap<>();
        for (int p : postsBy(members.stream().mapToInt(Integer::intValue).toArray())) {
            if (act.urlCount(p) == 0) {
                continue;
            }
            for (int i = 0; i < act.urlCount(p); i++) {
                String u = act.url(act.urlOf(p, i));
                String key = Urls.shareKey(u);
                counts.merge(key == null ? u : key, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(Map.Entry::getKey).toList();
    }

    /** One sentence for one signal's edges inside a cluster, with an example; null when nothing can be said. */
    String sentence(String signal, List<CoordinationEdge> edges, Cluster c) {
        Set<Integer> involved = new HashSet<>();
        Map<String, Set<Integer>> itemAccounts = new HashMap<>();
        Map<String, long[]> itemTimes = new HashMap<>();
        List<Long> gaps = new ArrayList<>();
        int maxCount = 0;
        boolean minutePrecision = true;
        for (CoordinationEdge e : edges) {
            involved.add(e.source());
            involved.add(e.target());
            maxCount = Math.max(maxCount, e.count());
            for (Evidence x : e.evidence()) {
                Set<Integer> acc = itemAccounts.computeIfAbsent(x.item(), k -> new HashSet<>());
                acc.add(e.source());
                acc.add(e.target());
                long[] span = itemTimes.computeIfAbsent(x.item(), k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                for (long t : new long[] {x.sourceTime(), x.targetTime()}) {
                    if (t != Activity.NO_TIME) {
                        span[0] = Math.min(span[0], t);
                        span[1] = Math.max(span[1], t);
                    }
                }
                if (x.sourceTime() != Activity.NO_TIME && x.targetTime() != Activity.NO_TIME) {
                    gaps.add(Math.abs(x.sourceTime() - x.targetTime()));
                    minutePrecision &= x.sourceTime() % 60 == 0 && x.targetTime() % 60 == 0;
                }
            }
        }
        int items = Math.max(maxCount, itemAccounts.size());
        String example = itemAccounts.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, Set<Integer>> e) -> e.getValue().size())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
        int exampleAccounts = example == null ? 0 : itemAccounts.get(example).size();
        long[] exampleSpan = example == null ? null : itemTimes.get(example);
        String who = involved.size() == c.members().length ? "All " + involved.size() + " members"
                : involved.size() + " of the " + c.members().length + " members";
        String median = gaps.isEmpty() ? "" : typicalGap(gaps, minutePrecision);
        String within = "";
        if (exampleSpan != null && exampleSpan[0] != Long.MAX_VALUE) {
            long spread = exampleSpan[1] - exampleSpan[0];
            // an archive with minute-precision times only says in how many consecutive clock minutes the actions fell
            within = (!minutePrecision ? " within " + duration(spread)
                    : spread == 0 ? " in the same minute" : " across " + (spread / 60 + 1) + " consecutive minutes")
                    + " on " + DAY_TIME.format(Instant.ofEpochSecond(exampleSpan[0]));
        }
        return switch (signal) {
            case CoordinationSignal.CO_RETWEET -> who + " retweeted the same posts within " + params.coRetweet().window()
                    + " s of each other" + median + " (" + plural(items, "post") + " in all, up to " + maxCount + " by one pair); e.g. "
                    + exampleAccounts + " of them retweeted " + postDescription(example) + within + ".";
            case CoordinationSignal.FAST_RETWEET -> who + " retweeted the same sources within "
                    + params.fastRetweet().maxDelay() + " s of their posts, again and again; e.g. "
                    + postDescription(example) + ", retweeted by " + exampleAccounts + " of them" + within + ".";
            case CoordinationSignal.DEVOTED_RETWEET -> who + " post almost nothing but retweets of the same few "
                    + "accounts, which are retweeted mostly by such accounts and faster than the archive's other "
                    + "retweeters retweet anyone (" + percent(minWeight(edges)) + " or more of those accounts' "
                    + "retweeters); each is linked to the accounts it most often retweeted right after or before; e.g. "
                    + postDescription(example) + ", retweeted by " + exampleAccounts + " of them" + within + ".";
            case CoordinationSignal.CO_REPLY -> who + " replied to the same posts within " + params.coReply().window()
                    + " s of each other" + median + " (" + plural(items, "post") + " in all, up to " + maxCount + " by one pair); e.g. " + exampleAccounts
                    + " of them replied to " + postDescription(example) + within + ".";
            case CoordinationSignal.CO_LINK -> who + " shared the same links within " + params.coLink().window()
                    + " s of each other" + median + " (" + plural(items, "link") + " in all, up to " + maxCount + " by one pair); e.g. " + exampleAccounts
                    + " of them shared " + example + within + ".";
            case CoordinationSignal.CO_LINK_SLOW -> who + " shared the same links, each first posted by none of their "
                    + "common sources, within " + duration(params.coLinkSlow().window()) + " of each other" + median + " ("
                    + plural(items, "link") + " in all, up to " + maxCount + " by one pair); e.g. " + exampleAccounts
                    + " of them shared " + example + within + ".";
            case CoordinationSignal.CO_HASHTAG -> who + " used the same hashtags within " + params.coHashtag().window()
                    + " s of each other" + median + " (" + plural(items, "hashtag") + " in all, up to " + maxCount + " by one pair); e.g. " + exampleAccounts
                    + " of them used " + example + within + ".";
            case CoordinationSignal.HASHTAG_BURST -> who + " used the same short-lived hashtags, each in a burst that no "
                    + "account they read started, within " + duration(params.hashtagBurst().window()) + " of each other"
                    + median + " (" + plural(items, "hashtag") + " in all, up to " + maxCount + " by one pair); e.g. "
                    + exampleAccounts + " of them used " + example + within + ".";
            case CoordinationSignal.HASHTAG_SEQUENCE -> who + " posted the same sequences of hashtags ("
                    + plural(items, "sequence") + ") within " + params.sequence().window() + " s of each other" + median + ".";
            case CoordinationSignal.CO_TEXT -> who + " posted near-identical texts (" + plural(items, "pair")
                    + " of texts" + median + "); e.g. " + textExample(example) + ".";
            case CoordinationSignal.LOCKSTEP_FOLLOW -> who + " follow the same " + plural(commonFollowees(c.members(), params.follow().minDensity()), "account")
                    + " (each followed by at least " + percent(params.follow().minDensity()) + " of the members)"
                    + (example == null ? "." : end(", e.g. " + accountNamed(example))) + clientsSentence(c.members());
            case CoordinationSignal.AMPLIFIED_SEED -> who + " are seeds and the amplifiers that retweet them: each seed's "
                    + "retweeters are mostly this cluster's amplifiers (" + percent(minWeight(edges)) + " or more of them), "
                    + "more than their share of all retweeters explains; each seed is linked to the amplifiers that "
                    + "retweeted the most of its posts (up to " + plural(maxCount, "post") + " by one amplifier"
                    + median.replace("apart", "after the post") + "); e.g. " + postDescription(example) + ", retweeted by "
                    + (exampleAccounts - 1) + " of them" + within + ".";
            case CoordinationSignal.HASHTAG_PUSH -> who + " took part in pushes of hashtags: accounts that posted a "
                    + "hashtag this cluster pushed, inside the hours of the push, without following anyone who had used "
                    + "it, more of them than the archive's rate of such posts explains (" + percent(minWeight(edges))
                    + " or more of the push's posters outside the cluster had no such route); each is linked to "
                    + "the pushers that posted the hashtag nearest in time" + median + "; e.g. " + exampleAccounts + " of them posted " + example + within
                    + ".";
            case CoordinationSignal.FARM_COHORT -> who + " include accounts created in the same burst of sign-ups "
                    + "as this farm's flagged accounts, followed by nobody outside that burst, that follow the farm's "
                    + "targets and at least " + plural(params.follow().minTargets(), "account") + " in common with one "
                    + "of its flagged accounts (up to " + maxCount + "), more such accounts than among those created "
                    + "around the burst; each is linked to the flagged accounts it follows most alike"
                    + (example == null ? "." : end("; e.g. " + exampleAccounts + " of them follow "
                    + accountNamed(example)));
            case CoordinationSignal.CREATION_COHORT -> who + " include accounts created in one of this cluster's "
                    + "batches of sign-ups, among its flagged accounts, and followed by nobody created outside the "
                    + "batch, more such accounts than among those created around it; each is linked to the flagged "
                    + "accounts created nearest to it" + (example == null ? "."
                    : "; e.g. " + exampleAccounts + " accounts on these links were created between "
                    + example.replace("/", " and ") + ".");
            default -> who + " are linked by " + signal + " on " + plural(items, "shared item") + ".";
        };
    }

    /** The smallest weight of {@code edges} (amplified-seed: the smallest share of a seed's retweeters). */
    private static double minWeight(List<CoordinationEdge> edges) {
        return edges.stream().mapToDouble(CoordinationEdge::weight).min().orElse(0);
    }

    /** Clients named in a follow block's sentence at most. */
    static final int MAX_CLIENTS = 5;

    /**
     * " Most of them follow, far more often than the rest of the archive does (a follower farm's clients, or the
     * accounts a network promotes): @a (81 of its 143 followers), …", or "" when no account is: {@link #clients}, at
     * most {@value #MAX_CLIENTS}. A statement of the follows, not a verdict: these accounts are not flagged.
     */
    private String clientsSentence(int[] members) {
        List<int[]> clients = clients(act, members, params.follow().minLift());
        if (clients.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" Most of them follow, far more often than the rest of the archive does (a "
                + "follower farm's clients, or the accounts a network promotes; not flagged): ");
        for (int i = 0; i < Math.min(MAX_CLIENTS, clients.size()); i++) {
            int[] c = clients.get(i);
            b.append(i == 0 ? "" : ", ").append(mention(c[0])).append(" (").append(c[1]).append(" of its ")
                    .append(plural(c[2], "follower")).append(")");
        }
        if (clients.size() > MAX_CLIENTS) {
            b.append(" and ").append(clients.size() - MAX_CLIENTS).append(" more");
        }
        return b.append(".").toString();
    }

    /**
     * A follow block's clients: the accounts outside {@code members} followed by more than half of the members, and
     * by the members at least {@code minLift} times as often as by the rest of the archive (the follow signal's
     * lift against the platform), as {account, followers among the members, followers}, the highest lift first
     * (ties: more followers among the members, then the smaller account). A farm's members follow their clients
     * and the platform's popular accounts alike; what tells a client is that the farm makes much of its audience
     * (Stringhini et al. 2013, "Follow the green", IMC), where the whole platform follows a popular account about as
     * often as the farm does. Detection does not flag a block's targets (amplified-seed leaves a farm's clients out
     * too); the report names them. O(follows + accounts log accounts).
     */
    static List<int[]> clients(Activity act, int[] members, double minLift) {
        int n = act.accountCount();
        boolean[] member = new boolean[n];
        int m = 0;
        for (int a : members) {
            m += member[a] ? 0 : 1;
            member[a] = true;
        }
        int[] fromMembers = new int[n];
        int[] followers = new int[n];
        for (int f = 0; f < act.followCount(); f++) {
            int t = act.followee(f);
            followers[t]++;
            if (member[act.follower(f)]) {
                fromMembers[t]++;
            }
        }
        long others = (long) n - m;
        List<int[]> out = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            // in / m > 1/2 and in / m ≥ minLift · (followers − in) / others, without division
            if (!member[t] && 2 * fromMembers[t] > m
                    && (double) fromMembers[t] * others >= minLift * (followers[t] - fromMembers[t]) * (double) m) {
                out.add(new int[] {t, fromMembers[t], followers[t]});
            }
        }
        // lift order: in_x / (followers_x − in_x) descending, compared without division
        out.sort((x, y) -> {
            int byLift = Double.compare((double) y[1] * (x[2] - x[1]), (double) x[1] * (y[2] - y[1]));
            return byLift != 0 ? byLift : y[1] != x[1] ? Integer.compare(y[1], x[1]) : Integer.compare(x[0], y[0]);
        });
        return out;
    }

    /** Accounts followed by at least {@code share} of the members, and by two of them at least. */
    int commonFollowees(int[] members, double share) {
        boolean[] member = new boolean[act.accountCount()];
        for (int a : members) {
            member[a] = true;
        }
        int[] count = new int[act.accountCount()];
        for (int f = 0; f < act.followCount(); f++) {
            if (member[act.follower(f)]) {
                count[act.followee(f)]++;
            }
        }
        int need = Math.max(2, (int) Math.ceil(share * members.length));
        int common = 0;
        for (int c : count) {
            common += c >= need ? 1 : 0;
        }
        return common;
    }

    private String accountNamed(String id) {
        for (int a = 0; a < act.accountCount(); a++) {
            if (act.accountId(a).equals(id)) {
                return mention(a);
            }
        }
        return AccountNames.shortId(id);
    }

    /**
     * The posts of {@code accounts}, in ascending order (each once): from an index of the posts by author, built on
     * the first call (two passes over the posts), so that a question about one cluster reads its members' posts only.
     */
    public int[] postsBy(int[] accounts) {
        if (authorOffsets == null) {
            int[] offsets = new int[act.accountCount() + 1];
            for (int p = 0; p < act.postCount(); p++) {
                if (act.author(p) >= 0) {
                    offsets[act.author(p) + 1]++;
                }
            }
            for (int a = 0; a < act.accountCount(); a++) {
                offsets[a + 1] += offsets[a];
            }
            int[] fill = Arrays.copyOf(offsets, act.accountCount());
            int[] posts = new int[offsets[act.accountCount()]];
            for (int p = 0; p < act.postCount(); p++) {
                if (act.author(p) >= 0) {
                    posts[fill[act.author(p)]++] = p;
                }
            }
            authorPosts = posts;
            authorOffsets = offsets;
        }
        int[] distinct = Arrays.stream(accounts).distinct().toArray();
        int n = 0;
        for (int a : distinct) {
            n += authorOffsets[a + 1] - authorOffsets[a];
        }
        int[] out = new int[n];
        int at = 0;
        for (int a : distinct) {
            int from = authorOffsets[a];
            int len = authorOffsets[a + 1] - from;
            System.arraycopy(authorPosts, from, out, at, len);
            at += len;
        }
        Arrays.sort(out);
        return out;
    }

    /**
     * The post with id {@code postId}, or -1: a binary search when the activity numbers its posts in id order (a
     * {@linkplain Activity#canonical() canonical} one does; checked once), else a map of every post id, built once.
     */
    private int post(String postId) {
        if (postsInIdOrder == null) {
            boolean sorted = true;
            for (int p = 1; p < act.postCount() && sorted; p++) {
                sorted = act.postId(p - 1).compareTo(act.postId(p)) < 0;
            }
            postsInIdOrder = sorted;
        }
        if (postsInIdOrder) {
            int lo = 0;
            int hi = act.postCount() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = act.postId(mid).compareTo(postId);
                if (c == 0) {
                    return mid;
                }
                if (c < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return -1;
        }
        if (postIndex == null) {
            postIndex = new HashMap<>(act.postCount() * 2);
            for (int p = 0; p < act.postCount(); p++) {
                postIndex.put(act.postId(p), p);
            }
        }
        return postIndex.getOrDefault(postId, -1);
    }

    /** "a post by @name (id 1102…, 3 Mar 2019 14:03 UTC)" or "post 1102…" when it is not in the archive. */
    private String postDescription(String postId) {
        if (postId == null) {
            return "a post";
        }
        int p = post(postId);
        if (p < 0) {
            return "post " + postId;
        }
        String by = act.author(p) >= 0 ? " by " + mention(act.author(p)) : "";
        String text = act.text(p) == null || act.text(p).isBlank() || act.kind(p) == PostKind.PLACEHOLDER ? "" : " “" + excerpt(act.text(p), 60) + "”";
        return "a post" + by + text + " (id " + postId + ")";
    }

    private String textExample(String pair) {
        if (pair == null) {
            return "two posts";
        }
        String first = pair.contains("~") ? pair.substring(0, pair.indexOf('~')) : pair;
        int p = post(first);
        if (p < 0 || act.text(p) == null) {
            return "post " + first;
        }
        return "“" + excerpt(act.text(p), 90) + "” (" + mention(act.author(p)) + ")";
    }

    static String excerpt(String text, int max) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= max ? t : t.substring(0, max - 1).strip() + "…";
    }

    /** ", typically 12 s apart", or for archives that give minutes only ", typically in the same minute". */
    static String typicalGap(List<Long> gaps, boolean minutePrecision) {
        long m = median(gaps);
        if (minutePrecision) {
            return m == 0 ? ", typically in the same minute" : ", typically " + plural(m / 60, "minute") + " apart";
        }
        return ", typically " + m + " s apart";
    }

    private static long median(List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return v[v.length / 2];
    }

    /** {@code s} ending with one full stop (none added after an ellipsis or a stop). */
    static String end(String s) {
        return s.endsWith(".") || s.endsWith("…") ? s : s + ".";
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }

    static String plural(long n, String noun) {
        return String.format(Locale.ROOT, "%,d", n) + " " + noun + (n == 1 ? "" : "s");
    }

    static String duration(long seconds) {
        if (seconds < 120) {
            return plural(seconds, "second");
        }
        if (seconds < 7200) {
            return plural(Math.round(seconds / 60.0), "minute");
        }
        return plural(Math.round(seconds / 3600.0), "hour");
    }

    static String dayRange(long lo, long hi) {
        String a = DAY.format(Instant.ofEpochSecond(lo)), b = DAY.format(Instant.ofEpochSecond(hi));
        return a.equals(b) ? a : a + " – " + b;
    }
}
