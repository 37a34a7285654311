package io.lockstep.simulate;

import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Generates a labelled archive of an influence network: an organic background (heavy-tailed activity and popularity,
 * homophilous communities, a daily rhythm, retweet cascades with log-normal delays, replies, quotes, hashtags from
 * community vocabularies, URLs, anonymised small accounts) with planted operations (hashtag-boosting botnets, follower
 * farms, copy-paste link rings) and hard negatives (fandoms, organic news bursts), written in the real archive
 * formats plus {@code truth.csv}. See {@code docs/simulator.md}.
 *
 * <p>Determinism: every random choice comes from one {@link SplittableRandom} seeded with
 * {@link ScenarioConfig#seed()}, in a fixed iteration order, and all text is formatted with {@code Locale.ROOT}, so the
 * same configuration gives byte-identical files. Posts are streamed: memory is {@code O(accounts)} plus the largest
 * cascade, whatever the number of posts. Time is {@code O(accounts + posts + follows)} (times {@code log} of a
 * community's size per weighted draw).
 */
public final class Simulator {
    /** Twitter's snowflake epoch (seconds). */
    static final long TWITTER_EPOCH = 1_288_834_974L;
    /** 2006-03-21, the first account. */
    static final long ACCOUNT_EPOCH = 1_142_899_200L;
    /** 2007-01-01: organic accounts are created from here on. */
    static final long ORGANIC_SINCE = 1_167_609_600L;
    /** Posts per archive at most (1000 ms times 2^22 sequence numbers). */
    static final long MAX_POSTS = 1000L << 22;
    static final int DAY = 86_400;

    static final String[] CLIENTS = {"Twitter for Android", "Twitter for iPhone", "Twitter Web App",
            "Twitter Web Client", "TweetDeck", "Twitter for iPad"};
    private static final double[] CLIENT_WEIGHTS = {0.38, 0.32, 0.16, 0.07, 0.04, 0.03};
    private static final String[] LANGS = {"en", "en", "en", "es", "fr", "de", "pt", "ar", "tr", "ru", "ja", "it"};
    private static final int[] TIMEZONES = {-5, -5, -8, -6, 1, 1, 0, -3, 3, 3, 9, 1};
    private static final int RESERVOIR = 2048;

    private final ScenarioConfig config;

    public Simulator(ScenarioConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public ScenarioConfig config() {
        return config;
    }

    /** Writes the archive into {@code outDir} (created if missing; existing files are overwritten). */
    public SimulationSummary write(Path outDir, ProgressListener progress) throws IOException {
        return write(outDir, progress, TerminationFlag.RUNNING_TRUE);
    }

    /** As {@link #write(Path, ProgressListener)}, stopping with a {@code CancellationException} when asked. */
    public SimulationSummary write(Path outDir, ProgressListener progress, TerminationFlag flag) throws IOException {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(flag, "flag");
        long t0 = System.nanoTime();
        Run run = new Run(config, progress, flag);
        run.setup();
        try (ArchiveWriter w = new ArchiveWriter(outDir, run.pop, run.commLang, run.commLocation)) {
            run.writer = w;
            run.writeAccounts();
            run.writeFollows();
            run.writeOrganicPosts();
            run.writeOperations();
        }
        Map<String, Long> kinds = new LinkedHashMap<>();
        String[] names = {"tweet", "retweet", "reply", "quote"};
        for (int k = 0; k < 4; k++) {
            kinds.put(names[k], run.postsByKind[k]);
        }
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (int a = 0; a < run.pop.size; a++) {
            groups.merge(run.pop.groupName(a), 1, Integer::sum);
        }
        return new SimulationSummary(outDir, run.pop.size, run.posts, run.follows, kinds, groups,
                (System.nanoTime() - t0) / 1_000_000L);
    }

    /**
     * Zipf shares {@code 1 / (c + 1)^exponent}, none above {@code cap} (water-filling: the excess of capped
     * communities goes to the others in proportion), summing to 1.
     */
    static double[] communityShares(int k, double exponent, double cap) {
        double[] w = new double[k];
        for (int c = 0; c < k; c++) {
            w[c] = 1.0 / Math.pow(c + 1, exponent);
        }
        boolean[] capped = new boolean[k];
        if (cap * k < 1) {
            Arrays.fill(w, 1.0 / k);
            return w;
        }
        for (int round = 0; round < k; round++) {
            double free = 1;
            double weight = 0;
            for (int c = 0; c < k; c++) {
                if (capped[c]) {
                    free -= cap;
                } else {
                    weight += w[c];
                }
            }
            boolean changed = false;
            for (int c = 0; c < k; c++) {
                if (!capped[c]) {
                    w[c] = w[c] / weight * free;
                    if (w[c] > cap) {
                        capped[c] = true;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
            for (int c = 0; c < k; c++) {
                if (capped[c]) {
                    w[c] = cap;
                }
            }
        }
        return w;
    }

    /** The state of one simulation run. */
    private static final class Run {
        final ScenarioConfig cfg;
        final ProgressListener progress;
        final TerminationFlag flag;
        final SplittableRandom rng;
        final long start;
        final long end;
        final int n;
        final Population pop;
        final Lexicon lex;
        ArchiveWriter writer;

        int communities;
        /** Popularity cap per community: its expected size (popularity is measured inside the community). */
        float[] commCap;
        /** Language index of each community; cross-community follows prefer communities of the same language. */
        int[] commLangIndex;
        String[][] commWords;
        String[][] commTags;
        String[][] commDomains;
        String[] commLang;
        String[] commLocation;
        int[] commTz;
        double[] commCumWeight;
        String[] globalWords;
        String[] globalTags;
        String[] newsDomains;

        WeightedSampler[] popComm;
        WeightedSampler[] actComm;
        WeightedSampler[] popLang;
        WeightedSampler popGlobal;
        WeightedSampler actGlobal;
        double origRate;
        double cascadeScale;

        int[][] botMembers;
        int[] botSeeds;
        int[][] farmMembers;
        int[][] agedFarmMembers;
        int[] farmClient;
        int[][] farmPool;
        int[][] ringMembers;
        int[][] fanMembers;
        int[][] idols;
        int[][] newsMembers;
        int[] newsOutlet;

        /** Seed of the follow graph's own generator: it is drawn twice, to count degrees and then to write. */
        long followSeed;

        long seq;
        long posts;
        long follows;
        final long[] postsByKind = new long[4];
        final SimPost[] reservoir = new SimPost[RESERVOIR];
        long reservoirSeen;

        Run(ScenarioConfig cfg, ProgressListener progress, TerminationFlag flag) {
            this.cfg = cfg;
            this.progress = progress;
            this.flag = flag;
            this.rng = new SplittableRandom(cfg.seed());
            this.start = cfg.startEpoch();
            this.end = start + (long) cfg.days() * DAY;
            this.n = cfg.accounts();
            this.pop = new Population(n);
            this.lex = new Lexicon(rng);
        }

        // ---------------------------------------------------------------------------------------------- setup

        void setup() {
            progress.begin("simulate: accounts", n);
            vocabularies();
            roles();
            attributes();
            plantedSpecialAccounts();
            followerless();
            names();
            samplers();
            farmPools();
            countFollows();
            pop.assignIoIds(cfg.seed());
            progress.end();
        }

        void vocabularies() {
            ScenarioConfig.Background bg = cfg.background();
            communities = bg.communityCount(n);
            globalWords = lex.words(300, 1, 2);
            globalTags = lex.words(30, 2, 3);
            newsDomains = new String[8];
            for (int i = 0; i < newsDomains.length; i++) {
                newsDomains[i] = lex.domain();
            }
            commWords = new String[communities][];
            commTags = new String[communities][];
            commDomains = new String[communities][];
            commLang = new String[communities];
            commLocation = new String[communities];
            commTz = new int[communities];
            commCumWeight = new double[communities];
            commLangIndex = new int[communities];
            double[] share = communityShares(communities, bg.communitySizeExponent(),
                    ScenarioConfig.Background.MAX_COMMUNITY / (double) n);
            commCap = new float[communities];
            double sum = 0;
            for (int c = 0; c < communities; c++) {
                commWords[c] = lex.words(120, 1, 3);
                commTags[c] = lex.words(20, 2, 3);
                commDomains[c] = new String[] {lex.domain(), lex.domain(), lex.domain()};
                int l = rng.nextInt(LANGS.length);
                commLang[c] = LANGS[l];
                commLangIndex[c] = Arrays.asList(LANGS).indexOf(LANGS[l]);
                commTz[c] = TIMEZONES[l];
                commLocation[c] = Lexicon.capitalize(lex.word(2, 3));
                sum += share[c];
                commCumWeight[c] = sum;
                commCap[c] = (float) Math.max(5, share[c] * n);
            }
        }

        int sampleCommunity() {
            double x = rng.nextDouble() * commCumWeight[communities - 1];
            int c = Arrays.binarySearch(commCumWeight, x);
            c = c < 0 ? -c - 1 : c;
            return Math.min(c, communities - 1);
        }

        /** Assigns roles and groups to a random permutation of the accounts, so that no block of indexes stands out. */
        void roles() {
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            Arrays.fill(pop.group, (short) -1);
            int k = 0;
            botMembers = new int[cfg.botnets()][];
            botSeeds = new int[cfg.botnets()];
            for (int b = 0; b < cfg.botnets(); b++) {
                int size = cfg.botnet().size();
                int seeds = Math.max(1, (int) Math.round(size * cfg.botnet().seedShare()));
                botSeeds[b] = seeds;
                botMembers[b] = new int[size];
                for (int i = 0; i < size; i++) {
                    int a = perm[k++];
                    pop.role[a] = i < seeds ? Population.Role.BOT_SEED : Population.Role.BOT_AMPLIFIER;
                    pop.group[a] = (short) b;
                    botMembers[b][i] = a;
                }
            }
            farmMembers = take(perm, k, cfg.farms(), cfg.farm().size(), Population.Role.FARM);
            k += cfg.farms() * cfg.farm().size();
            agedFarmMembers = take(perm, k, cfg.agedFarms(), cfg.farm().size(), Population.Role.AGED_FARM);
            k += cfg.agedFarms() * cfg.farm().size();
            ringMembers = take(perm, k, cfg.linkRings(), cfg.linkRing().size(), Population.Role.LINKRING);
            k += cfg.linkRings() * cfg.linkRing().size();
            fanMembers = take(perm, k, cfg.fandoms(), cfg.fandom().size(), Population.Role.FANDOM);
            k += cfg.fandoms() * cfg.fandom().size();
            newsMembers = take(perm, k, cfg.newsBursts(), cfg.news().size(), Population.Role.NEWS);
        }

        int[][] take(int[] perm, int from, int instances, int size, Population.Role role) {
            int[][] out = new int[instances][];
            int k = from;
            for (int g = 0; g < instances; g++) {
                out[g] = new int[size];
                for (int i = 0; i < size; i++) {
                    int a = perm[k++];
                    pop.role[a] = role;
                    pop.group[a] = (short) g;
                    out[g][i] = a;
                }
                Arrays.sort(out[g]);
            }
            return out;
        }

        long organicCreation() {
            if (rng.nextDouble() < 0.06) {
                return start - DAY - (long) (rng.nextDouble() * 60 * DAY);
            }
            long span = start - 30L * DAY - ORGANIC_SINCE;
            return start - 30L * DAY - (long) (span * Math.pow(rng.nextDouble(), 1.4));
        }

        void attributes() {
            double popExp = cfg.background().popularityExponent();
            long[] botBurst = new long[cfg.botnets()];
            for (int b = 0; b < botBurst.length; b++) {
                botBurst[b] = start - (long) ((30 + rng.nextDouble() * 370) * DAY);
            }
            long[] farmBurst = new long[cfg.farms()];
            for (int f = 0; f < farmBurst.length; f++) {
                farmBurst[f] = start - (long) ((20 + rng.nextDouble() * 300) * DAY);
            }
            String[] botClient = new String[cfg.botnets()];
            for (int b = 0; b < botClient.length; b++) {
                botClient[b] = Lexicon.capitalize(lex.word(2, 3)) + " Publisher";
            }
            for (int a = 0; a < n; a++) {
                Population.Role role = pop.role[a];
                switch (role) {
                    case BOT_SEED, BOT_AMPLIFIER -> {
                        pop.community[a] = rng.nextInt(communities);
                        pop.created[a] = botBurst[pop.group[a]]
                                + (long) (rng.nextDouble() * cfg.botnet().creationBurstDays() * DAY);
                        pop.activity[a] = 1f;
                        pop.popularity[a] = (float) (0.2 + rng.nextDouble());
                        pop.followers[a] = (int) Distributions.logNormal(rng, 60, 0.8);
                        pop.client[a] = rng.nextDouble() < 0.3 ? botClient[pop.group[a]] : client();
                    }
                    case FARM -> {
                        pop.community[a] = rng.nextInt(communities);
                        pop.created[a] = farmBurst[pop.group[a]]
                                + (long) (rng.nextDouble() * cfg.farm().creationBurstDays() * DAY);
                        pop.activity[a] = 0.1f;
                        pop.popularity[a] = 0.1f;
                        pop.followers[a] = rng.nextInt(16);
                        pop.client[a] = client();
                    }
                    case AGED_FARM -> {
                        // bought second-hand: an ordinary past, created over years, a few followers of its own
                        pop.community[a] = sampleCommunity();
                        pop.created[a] = organicCreation();
                        pop.activity[a] = 0.1f;
                        pop.popularity[a] = 0.3f;
                        pop.followers[a] = (int) Distributions.logNormal(rng, 25, 1.0);
                        pop.client[a] = client();
                    }
                    default -> {
                        pop.community[a] = role == Population.Role.FANDOM ? pop.group[a] % communities
                                : sampleCommunity();
                        if (role == Population.Role.LINKRING) {
                            pop.created[a] = start - (long) ((3 + rng.nextDouble() * 7) * 365 * DAY);
                            pop.activity[a] = (float) Distributions.logNormal(rng, 2, 0.8);
                            pop.popularity[a] = (float) Math.max(3, Distributions.pareto(rng, popExp,
                                    commCap[pop.community[a]]));
                        } else {
                            pop.created[a] = organicCreation();
                            pop.activity[a] = (float) Distributions.logNormal(rng, 1, 1.2);
                            pop.popularity[a] = (float) Distributions.pareto(rng, popExp, commCap[pop.community[a]]);
                        }
                        pop.followers[a] = followersFor(pop.popularity[a]);
                        pop.client[a] = client();
                    }
                }
            }
        }

        int followersFor(double popularity) {
            return (int) Math.min(50_000_000L, Math.round(popularity * 30 * Distributions.logNormal(rng, 1, 0.4)));
        }

        String client() {
            double x = rng.nextDouble();
            for (int i = 0; i < CLIENTS.length; i++) {
                x -= CLIENT_WEIGHTS[i];
                if (x < 0) {
                    return CLIENTS[i];
                }
            }
            return CLIENTS[0];
        }

        /** A random organic account, preferably in {@code community} (-1: any), not in {@code exclude}. */
        int randomOrganic(int community, Set<Integer> exclude) {
            for (int tries = 0; tries < 200_000; tries++) {
                int a = rng.nextInt(n);
                if (pop.role[a] == Population.Role.ORGANIC && !exclude.contains(a)
                        && (community < 0 || tries > 100_000 || pop.community[a] == community)) {
                    return a;
                }
            }
            throw new IllegalStateException("no organic account left for a planted role");
        }

        /** Idols, news outlets and farm clients are organic accounts made popular (idols, outlets) on purpose. */
        void plantedSpecialAccounts() {
            Set<Integer> taken = new HashSet<>();
            idols = new int[cfg.fandoms()][];
            for (int f = 0; f < cfg.fandoms(); f++) {
                idols[f] = new int[cfg.fandom().idols()];
                for (int i = 0; i < idols[f].length; i++) {
                    int a = randomOrganic(f % communities, taken);
                    taken.add(a);
                    makeStar(a);
                    idols[f][i] = a;
                }
            }
            newsOutlet = new int[cfg.newsBursts()];
            for (int i = 0; i < newsOutlet.length; i++) {
                int a = randomOrganic(-1, taken);
                taken.add(a);
                makeStar(a);
                newsOutlet[i] = a;
            }
            farmClient = new int[cfg.farms() + cfg.agedFarms()];
            for (int i = 0; i < farmClient.length; i++) {
                int a = randomOrganic(-1, taken);
                taken.add(a);
                farmClient[i] = a;
            }
        }

        /**
         * Leaves the background's share of ordinary and fandom accounts without followers: popularity 0, so no follow
         * and no organic reaction draws them, and no follower outside the archive either. Each with probability
         * {@code followerless}, twice that when created in the 90 days before the window; never an idol, a news
         * outlet or a farm client. Draws from its own generator, so the rest of the archive is the one the same seed
         * makes without followerless accounts.
         */
        void followerless() {
            double share = cfg.background().followerless();
            if (share == 0) {
                return;
            }
            Set<Integer> special = new HashSet<>();
            for (int[] group : idols) {
                for (int a : group) {
                    special.add(a);
                }
            }
            for (int a : newsOutlet) {
                special.add(a);
            }
            for (int a : farmClient) {
                special.add(a);
            }
            SplittableRandom fl = new SplittableRandom(cfg.seed() ^ 0x6f6c6c6f7765726cL);
            long recent = start - 90L * DAY;
            for (int a = 0; a < n; a++) {
                Population.Role role = pop.role[a];
                if (role != Population.Role.ORGANIC && role != Population.Role.FANDOM) {
                    continue;
                }
                double p = pop.created[a] >= recent ? Math.min(1, 2 * share) : share;
                if (fl.nextDouble() < p && !special.contains(a)) {
                    pop.popularity[a] = 0f;
                    pop.followers[a] = 0;
                }
            }
        }

        void makeStar(int a) {
            float cap = Math.max(commCap[pop.community[a]], 20f);
            pop.popularity[a] = (float) (cap * (0.3 + 0.7 * rng.nextDouble()));
            pop.followers[a] = followersFor(pop.popularity[a]);
            pop.activity[a] = Math.max(pop.activity[a], 2f);
            pop.created[a] = Math.min(pop.created[a], start - 2L * 365 * DAY);
        }

        void names() {
            Set<String> used = new HashSet<>(n * 2);
            for (int a = 0; a < n; a++) {
                Population.Role role = pop.role[a];
                String first = lex.word(1, 2);
                String last = lex.word(2, 3);
                String base = switch (role) {
                    case BOT_SEED, BOT_AMPLIFIER ->
                            first + last + String.format(Locale.ROOT, "%08d", rng.nextInt(100_000_000));
                    case FARM -> first + String.format(Locale.ROOT, "%06d", rng.nextInt(1_000_000));
                    default -> switch (rng.nextInt(3)) {
                        case 0 -> first + last;
                        case 1 -> first + "_" + last;
                        default -> first + last + rng.nextInt(100);
                    };
                };
                if (base.length() > 15) {
                    base = base.substring(0, 15);
                }
                String name = base;
                while (!used.add(name)) {
                    name = base.substring(0, Math.min(base.length(), 12)) + rng.nextInt(1000);
                }
                pop.screenName[a] = name;
                pop.displayName[a] = Lexicon.capitalize(first) + " " + Lexicon.capitalize(last);
                long ms = (pop.created[a] - ACCOUNT_EPOCH) * 1000L + rng.nextInt(1000);
                pop.numericId[a] = (ms << 22) | a;
                pop.description[a] = description(pop.community[a]);
            }
        }

        String description(int c) {
            if (rng.nextDouble() < 0.3) {
                return "";
            }
            int k = 3 + rng.nextInt(5);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < k; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(commWords[c][rng.nextInt(commWords[c].length)]);
            }
            return sb.toString();
        }

        /**
         * Weighted samplers by popularity (follow targets) and by activity (who reacts), per community, per language
         * and global. The reactors are the organic-like accounts; the follow targets are those and the aged farms'
         * accounts, which keep the followers of the ordinary past they were bought with (at their low popularity).
         */
        void samplers() {
            IntPredicate reactor = pop::organicLike;
            IntPredicate followable = a -> pop.organicLike(a) || pop.role[a] == Population.Role.AGED_FARM;
            int[][] reactors = byCommunity(reactor);
            int[][] targets = byCommunity(followable);
            popComm = new WeightedSampler[communities];
            actComm = new WeightedSampler[communities];
            for (int c = 0; c < communities; c++) {
                popComm[c] = new WeightedSampler(targets[c], weights(targets[c], true));
                actComm[c] = new WeightedSampler(reactors[c], weights(reactors[c], false));
            }
            int[] allTargets = IntStream.range(0, n).filter(followable).toArray();
            int[] allReactors = IntStream.range(0, n).filter(reactor).toArray();
            int[][] langItems = new int[LANGS.length][];
            for (int l = 0; l < LANGS.length; l++) {
                int lang = l;
                langItems[l] = Arrays.stream(allTargets).filter(a -> commLangIndex[pop.community[a]] == lang)
                        .toArray();
            }
            popLang = new WeightedSampler[LANGS.length];
            for (int l = 0; l < LANGS.length; l++) {
                popLang[l] = new WeightedSampler(langItems[l], weights(langItems[l], true));
            }
            popGlobal = new WeightedSampler(allTargets, weights(allTargets, true));
            actGlobal = new WeightedSampler(allReactors, weights(allReactors, false));
            double s1 = 0;
            double s2 = 0;
            for (int a : allReactors) {
                s1 += pop.activity[a];
                s2 += (double) pop.activity[a] * pop.popularity[a];
            }
            double target = cfg.postsPerAccount() * n;
            origRate = 0.45 * target / s1;
            cascadeScale = 0.5 * target / (origRate * s2);
        }

        /** The accounts that {@code in} accepts, per community, ascending. O(accounts). */
        int[][] byCommunity(IntPredicate in) {
            int[] counts = new int[communities];
            for (int a = 0; a < n; a++) {
                if (in.test(a)) {
                    counts[pop.community[a]]++;
                }
            }
            int[][] items = new int[communities][];
            for (int c = 0; c < communities; c++) {
                items[c] = new int[counts[c]];
            }
            int[] fill = new int[communities];
            for (int a = 0; a < n; a++) {
                if (in.test(a)) {
                    items[pop.community[a]][fill[pop.community[a]]++] = a;
                }
            }
            return items;
        }

        double[] weights(int[] items, boolean popularity) {
            double[] w = new double[items.length];
            for (int i = 0; i < items.length; i++) {
                w[i] = popularity ? pop.popularity[items[i]] : pop.activity[items[i]];
            }
            return w;
        }

        // ---------------------------------------------------------------------------------------------- accounts

        void writeAccounts() throws IOException {
            for (int a = 0; a < n; a++) {
                writer.user(a);
            }
            for (int a = 0; a < n; a++) {
                writer.truth(a);
            }
        }

        // ---------------------------------------------------------------------------------------------- follows

        /** The pool of popular targets and the client of every farm (new and aged), drawn before any follow. */
        void farmPools() {
            int total = cfg.farms() + cfg.agedFarms();
            farmPool = new int[total][];
            for (int f = 0; f < total; f++) {
                farmPool[f] = distinctPopular(cfg.farm().targetPool(), farmClient[f]);
            }
            fandomOf = new int[n][];
            for (int f = 0; f < fanMembers.length; f++) {
                for (int a : fanMembers[f]) {
                    fandomOf[a] = idols[f];
                }
            }
            followSeed = rng.nextLong();
        }

        int[][] fandomOf;

        /**
         * First pass over the follow graph: the profile counts are the edges written, {@code following_count} the
         * out-degree and {@code follower_count} the in-degree plus the followers an account has outside the archive.
         */
        void countFollows() {
            SplittableRandom fr = new SplittableRandom(followSeed);
            int[] indegree = new int[n];
            Followees list = new Followees(n);
            for (int a = 0; a < n; a++) {
                if ((a & 4095) == 0) {
                    flag.assertRunning();
                }
                followsOf(a, fr, list);
                pop.following[a] = list.size;
                for (int i = 0; i < list.size; i++) {
                    indegree[list.items[i]]++;
                }
            }
            for (int a = 0; a < n; a++) {
                pop.followers[a] = (int) Math.min(50_000_000L, (long) pop.followers[a] + indegree[a]);
            }
        }

        void writeFollows() throws IOException {
            progress.begin("simulate: follows", n);
            SplittableRandom fr = new SplittableRandom(followSeed);
            Followees list = new Followees(n);
            for (int a = 0; a < n; a++) {
                if ((a & 1023) == 0) {
                    flag.assertRunning();
                    progress.advance(Math.min(1024, n - a));
                }
                followsOf(a, fr, list);
                for (int i = 0; i < list.size; i++) {
                    writer.follow(a, list.items[i]);
                }
                follows += list.size;
            }
            progress.end();
        }

        /**
         * Fills {@code list} with the accounts {@code a} follows (distinct, never itself). Draws only from
         * {@code fr}, so the counting pass and the writing pass, seeded alike, produce the same graph.
         */
        void followsOf(int a, SplittableRandom fr, Followees list) {
            list.reset(a);
            Population.Role role = pop.role[a];
            if (role == Population.Role.BOT_SEED || role == Population.Role.BOT_AMPLIFIER) {
                int[] members = botMembers[pop.group[a]];
                int seeds = botSeeds[pop.group[a]];
                for (int i = 0; i < seeds; i++) {
                    if (fr.nextDouble() < 0.8) {
                        list.add(members[i]);
                    }
                }
                for (int i = 0; i < 5; i++) {
                    list.add(members[fr.nextInt(members.length)]);
                }
                for (int i = 0; i < 8; i++) {
                    list.add(popGlobal.sample(fr));
                }
            } else if (role == Population.Role.FARM || role == Population.Role.AGED_FARM) {
                int f = role == Population.Role.FARM ? pop.group[a] : cfg.farms() + pop.group[a];
                if (role == Population.Role.AGED_FARM) {
                    // the follows of its ordinary past, before it was sold
                    ordinaryFollows(a, fr, list, Math.max(1, cfg.background().followsMedian() / 2));
                }
                list.add(farmClient[f]);
                int[] pool = farmPool[f].clone();
                int t = Math.min(pool.length, cfg.farm().targetsPerMember());
                for (int i = 0; i < t; i++) {
                    int j = i + fr.nextInt(pool.length - i);
                    int x = pool[i];
                    pool[i] = pool[j];
                    pool[j] = x;
                    list.add(pool[i]);
                }
                int extra = fr.nextInt(4);
                for (int i = 0; i < extra; i++) {
                    list.add(popGlobal.sample(fr));
                }
            } else {
                ordinaryFollows(a, fr, list, cfg.background().followsMedian());
                if (fandomOf[a] != null) {
                    for (int idol : fandomOf[a]) {
                        list.add(idol);
                    }
                }
                if (role == Population.Role.LINKRING) {
                    for (int other : ringMembers[pop.group[a]]) {
                        if (fr.nextDouble() < 0.3) {
                            list.add(other);
                        }
                    }
                }
            }
        }

        /**
         * Ordinary following: {@code LogNormal(median, sigma)} distinct accounts, a share {@code homophily} in the
         * account's community by popularity (at most 70 % of the community), the rest in communities of its
         * language (60 %) or anywhere (40 %), by popularity.
         */
        void ordinaryFollows(int a, SplittableRandom fr, Followees list, double median) {
            ScenarioConfig.Background bg = cfg.background();
            int c = pop.community[a];
            int want = (int) Math.min(Math.min(bg.maxFollows(), n - 1),
                    Math.max(1, Math.round(Distributions.logNormal(fr, median, bg.followsSigma()))));
            int inCap = (int) (0.7 * popComm[c].size());
            int inside = 0;
            int target = list.size + want;
            int lang = commLangIndex[c];
            for (int tries = 0; list.size < target && tries < 4 * want + 20; tries++) {
                boolean in = fr.nextDouble() < bg.homophily() && inside < inCap && !popComm[c].isEmpty();
                WeightedSampler s;
                if (in) {
                    s = popComm[c];
                } else if (fr.nextDouble() < 0.6 && popLang[lang].size() > popComm[c].size()
                        && !popLang[lang].isEmpty()) {
                    s = popLang[lang];
                } else {
                    s = popGlobal;
                }
                if (list.add(s.sample(fr)) && in) {
                    inside++;
                }
            }
        }

        /** {@code count} distinct popular accounts, one per community while communities last. */
        int[] distinctPopular(int count, int exclude) {
            Set<Integer> seen = new HashSet<>();
            Set<Integer> usedCommunities = new HashSet<>();
            List<Integer> out = new ArrayList<>();
            for (int tries = 0; out.size() < count && tries < count * 200; tries++) {
                int a = popGlobal.sample(rng);
                boolean fresh = usedCommunities.size() >= communities || !usedCommunities.contains(pop.community[a]);
                if (a != exclude && fresh && seen.add(a)) {
                    usedCommunities.add(pop.community[a]);
                    if (usedCommunities.size() >= communities) {
                        usedCommunities.clear();
                    }
                    out.add(a);
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        // ---------------------------------------------------------------------------------------------- posts

        /**
         * A snowflake-like id: milliseconds since Twitter's epoch in the high bits, a sequence in the low 22 bits. The
         * sequence's overflow goes into the milliseconds, so ids are unique and ordered by time to the second.
         */
        long nextId(long time) {
            if (seq >= MAX_POSTS) {
                throw new IllegalStateException("more than " + MAX_POSTS + " posts are not supported");
            }
            long ms = (time - TWITTER_EPOCH) * 1000L + (seq >>> 22);
            return (ms << 22) | (seq++ & 0x3F_FFFFL);
        }

        /** A time in the window following the daily rhythm of community {@code c}. */
        long dailyTime(int c) {
            long day = rng.nextInt(cfg.days());
            long t = start + day * DAY + Distributions.dailySecond(rng) - commTz[c] * 3600L;
            return Math.floorMod(t - start, (long) cfg.days() * DAY) + start;
        }

        String words(int c, int min, int max) {
            int k = min + rng.nextInt(max - min + 1);
            StringBuilder sb = new StringBuilder(k * 8);
            for (int i = 0; i < k; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                String[] v = rng.nextDouble() < 0.8 ? commWords[c] : globalWords;
                sb.append(v[(int) (v.length * Math.pow(rng.nextDouble(), 1.5))]);
            }
            return sb.toString();
        }

        static final String[] NO_STRINGS = new String[0];
        static final int[] NO_INTS = new int[0];

        SimPost original(int a, long t, String body, String[] tags, String[] urls, int[] mentions) {
            StringBuilder sb = new StringBuilder(body.length() + 64);
            for (int m : mentions) {
                sb.append('@').append(pop.screenName[m]).append(' ');
            }
            sb.append(body);
            for (String tag : tags) {
                sb.append(" #").append(tag);
            }
            for (String u : urls) {
                sb.append(' ').append(u);
            }
            long id = nextId(t);
            return new SimPost(id, a, t, SimPost.ORIGINAL, 0, -1, id, sb.toString(), tags, urls, mentions,
                    pop.client[a], new SimPost.Counts(), null);
        }

        SimPost organicOriginal(int a, long t) {
            int c = pop.community[a];
            String[] tags = NO_STRINGS;
            double u = rng.nextDouble();
            if (u < 0.45) {
                int k = rng.nextDouble() < 0.7 ? 1 : 2;
                tags = new String[k];
                for (int i = 0; i < k; i++) {
                    String[] v = rng.nextDouble() < 0.85 ? commTags[c] : globalTags;
                    tags[i] = v[(int) (v.length * Math.pow(rng.nextDouble(), 2))];
                }
                if (k == 2 && tags[0].equals(tags[1])) {
                    tags = new String[] {tags[0]};
                }
            }
            String[] urls = NO_STRINGS;
            if (rng.nextDouble() < 0.15) {
                String d = commDomains[c][rng.nextInt(commDomains[c].length)];
                urls = new String[] {"https://" + d + "/" + commWords[c][rng.nextInt(commWords[c].length)] + "-"
                        + rng.nextInt(100_000)};
            }
            int[] mentions = NO_INTS;
            if (rng.nextDouble() < 0.1 && !popComm[c].isEmpty()) {
                int m = popComm[c].sample(rng);
                if (m != a) {
                    mentions = new int[] {m};
                }
            }
            return original(a, t, words(c, 5, 12), tags, urls, mentions);
        }

        SimPost retweet(int a, SimPost o, long t) {
            int[] mentions = new int[o.mentions().length + 1];
            mentions[0] = o.author();
            System.arraycopy(o.mentions(), 0, mentions, 1, o.mentions().length);
            long id = nextId(t);
            o.counts().retweets++;
            return new SimPost(id, a, t, SimPost.RETWEET, o.id(), o.author(), id,
                    "RT @" + pop.screenName[o.author()] + ": " + o.text(), o.hashtags(), o.urls(), mentions,
                    pop.client[a], new SimPost.Counts(), o);
        }

        SimPost reply(int a, SimPost o, long t) {
            String body = "@" + pop.screenName[o.author()] + " " + words(pop.community[a], 2, 9);
            long id = nextId(t);
            o.counts().replies++;
            return new SimPost(id, a, t, SimPost.REPLY, o.id(), o.author(), o.conversationId(), body, NO_STRINGS,
                    NO_STRINGS, new int[] {o.author()}, pop.client[a], new SimPost.Counts(), o);
        }

        SimPost quote(int a, SimPost o, long t, String[] tags) {
            StringBuilder body = new StringBuilder(words(pop.community[a], 3, 10));
            for (String tag : tags) {
                body.append(" #").append(tag);
            }
            long id = nextId(t);
            o.counts().quotes++;
            return new SimPost(id, a, t, SimPost.QUOTE, o.id(), o.author(), id, body.toString(), tags, NO_STRINGS,
                    NO_INTS, pop.client[a], new SimPost.Counts(), o);
        }

        /** Organic reactions to {@code o}: count ~ Poisson(scale * popularity), delays log-normal per kind. */
        void organicCascade(SimPost o, List<SimPost> out) {
            int a = o.author();
            int c = pop.community[a];
            int r = Math.min(n / 4, Distributions.poisson(rng, cascadeScale * pop.popularity[a]));
            for (int i = 0; i < r; i++) {
                WeightedSampler s = rng.nextDouble() < cfg.background().homophily() && !actComm[c].isEmpty()
                        ? actComm[c] : actGlobal;
                int reactor = s.sample(rng);
                if (reactor == a) {
                    continue;
                }
                double u = rng.nextDouble();
                if (u < 0.8) {
                    long t = o.time() + 1 + (long) Distributions.logNormal(rng, 900, 2.0);
                    if (t < end) {
                        out.add(retweet(reactor, o, t));
                    }
                } else if (u < 0.92) {
                    long t = o.time() + 5 + (long) Distributions.logNormal(rng, 1800, 1.5);
                    if (t < end) {
                        out.add(reply(reactor, o, t));
                    }
                } else {
                    long t = o.time() + 5 + (long) Distributions.logNormal(rng, 3600, 1.8);
                    if (t < end) {
                        out.add(quote(reactor, o, t, NO_STRINGS));
                    }
                }
            }
        }

        /** Writes an original and its reactions (sorted by time), filling in the original's counts first. */
        void emit(SimPost o, List<SimPost> reactions) throws IOException {
            SimPost.Counts c = o.counts();
            c.likes = c.retweets * 2 + c.replies + Distributions.poisson(rng, 1 + c.retweets);
            write(o);
            reactions.sort(Comparator.comparingLong(SimPost::time).thenComparingLong(SimPost::id));
            for (SimPost p : reactions) {
                p.counts().likes = Distributions.poisson(rng, 0.3);
                write(p);
            }
            if (o.counts().retweets >= 3 && pop.organicLike(o.author())) {
                keepPopular(o);
            }
        }

        void write(SimPost p) throws IOException {
            writer.post(p);
            posts++;
            postsByKind[p.kind()]++;
        }

        /** Reservoir sample of popular organic originals, the material of camouflage retweets. */
        void keepPopular(SimPost o) {
            reservoirSeen++;
            if (reservoirSeen <= RESERVOIR) {
                reservoir[(int) reservoirSeen - 1] = o;
            } else {
                long j = rng.nextLong(reservoirSeen);
                if (j < RESERVOIR) {
                    reservoir[(int) j] = o;
                }
            }
        }

        void writeOrganicPosts() throws IOException {
            progress.begin("simulate: posts", n);
            List<SimPost> reactions = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                if ((a & 1023) == 0) {
                    flag.assertRunning();
                    progress.advance(Math.min(1024, n - a));
                }
                if (pop.organicLike(a)) {
                    int k = Distributions.poisson(rng, origRate * pop.activity[a]);
                    for (int i = 0; i < k; i++) {
                        SimPost o = organicOriginal(a, dailyTime(pop.community[a]));
                        reactions.clear();
                        organicCascade(o, reactions);
                        emit(o, reactions);
                    }
                } else if (pop.role[a] == Population.Role.FARM || pop.role[a] == Population.Role.AGED_FARM) {
                    int k = rng.nextInt(cfg.farm().maxPostsPerMember() + 1);
                    for (int i = 0; i < k; i++) {
                        SimPost o = original(a, start + (long) (rng.nextDouble() * cfg.days() * DAY),
                                words(pop.community[a], 3, 8), NO_STRINGS, NO_STRINGS, NO_INTS);
                        reactions.clear();
                        emit(o, reactions);
                    }
                }
            }
            progress.end();
        }

        // ---------------------------------------------------------------------------------------------- operations

        void writeOperations() throws IOException {
            progress.begin("simulate: operations", -1);
            for (int b = 0; b < botMembers.length; b++) {
                flag.assertRunning();
                botnet(b);
            }
            for (int r = 0; r < ringMembers.length; r++) {
                flag.assertRunning();
                linkRing(r);
            }
            for (int f = 0; f < fanMembers.length; f++) {
                flag.assertRunning();
                fandom(f);
            }
            for (int i = 0; i < newsMembers.length; i++) {
                flag.assertRunning();
                newsBurst(i);
            }
            progress.end();
        }

        String[] templateFill(String[][] templates, String[] slots) {
            String[] t = templates[rng.nextInt(templates.length)];
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < t.length; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(t[i].equals("*") ? slots[rng.nextInt(slots.length)] : t[i]);
            }
            return new String[] {sb.toString()};
        }

        void botnet(int b) throws IOException {
            ScenarioConfig.Botnet k = cfg.botnet();
            int[] members = botMembers[b];
            int seeds = botSeeds[b];
            int home = rng.nextInt(communities);
            String[] tags = {lex.word(2, 3) + lex.word(1, 2), lex.word(2, 3)};
            String domain = lex.domain();
            String[][] templates = new String[4][];
            for (int i = 0; i < templates.length; i++) {
                String[] words = words(home, 6, 11).split(" ");
                words[rng.nextInt(words.length)] = "*";
                templates[i] = words;
            }
            String[] slots = lex.words(6, 1, 2);
            int[] opsPosts = new int[members.length];
            int events = Math.max(1, (int) Math.round(cfg.days() * k.eventsPerDay()));
            List<SimPost> reactions = new ArrayList<>();
            for (int e = 0; e < events; e++) {
                int si = e % seeds;
                int seed = members[si];
                long t = dailyTime(home);
                String[] urls = rng.nextDouble() < 0.5
                        ? new String[] {"https://" + domain + "/" + lex.word(2, 3) + "-" + e} : NO_STRINGS;
                SimPost o = original(seed, t, templateFill(templates, slots)[0], tags, urls, NO_INTS);
                opsPosts[si]++;
                reactions.clear();
                for (int i = seeds; i < members.length; i++) {
                    if (rng.nextDouble() >= k.participation()) {
                        continue;
                    }
                    long rt = t + 1 + (long) Distributions.logNormal(rng, k.delayMedianSeconds(), k.delaySigma());
                    if (rt >= end) {
                        continue;
                    }
                    opsPosts[i]++;
                    if (rng.nextDouble() < k.templateShare()) {
                        // A template original rather than a retweet: same hashtags, near-identical text.
                        emitAlone(original(members[i], rt, templateFill(templates, slots)[0], tags, NO_STRINGS,
                                NO_INTS));
                    } else {
                        reactions.add(retweet(members[i], o, rt));
                    }
                }
                organicCascade(o, reactions);
                emit(o, reactions);
            }
            // Camouflage: retweets of popular organic content, a share of each bot's posts.
            int available = (int) Math.min(reservoirSeen, RESERVOIR);
            if (available == 0 || k.camouflageShare() <= 0) {
                return;
            }
            double ratio = k.camouflageShare() / (1.0 - k.camouflageShare());
            for (int i = 0; i < members.length; i++) {
                int m = Distributions.poisson(rng, Math.max(1, opsPosts[i]) * ratio);
                for (int j = 0; j < m; j++) {
                    SimPost o = reservoir[rng.nextInt(available)];
                    long t = o.time() + 1 + (long) Distributions.logNormal(rng, 1800, 1.5);
                    if (t >= end) {
                        t = o.time() + 1 + (long) (rng.nextDouble() * Math.max(1, end - o.time() - 1));
                    }
                    if (t >= end) {
                        continue;
                    }
                    emitAlone(retweet(members[i], o, t));
                }
            }
        }

        void emitAlone(SimPost p) throws IOException {
            write(p);
        }

        void linkRing(int r) throws IOException {
            ScenarioConfig.LinkRing k = cfg.linkRing();
            int[] members = ringMembers[r];
            int home = pop.community[members[0]];
            String domain = lex.domain();
            String tag = lex.word(2, 3);
            int events = Math.max(1, (int) Math.round(cfg.days() * k.eventsPerDay()));
            List<SimPost> reactions = new ArrayList<>();
            for (int e = 0; e < events; e++) {
                long t0 = dailyTime(home);
                String headline = words(home, 6, 10);
                String[] urls = {"https://" + domain + "/" + headline.replace(' ', '-')};
                String[] tags = rng.nextDouble() < 0.5 ? new String[] {tag} : NO_STRINGS;
                for (int a : members) {
                    if (rng.nextDouble() >= k.participation()) {
                        continue;
                    }
                    long t = t0 + (long) Distributions.exponential(rng, k.windowMinutes() * 60 / 3);
                    if (t >= end) {
                        continue;
                    }
                    SimPost o = original(a, t, headline, tags, urls, NO_INTS);
                    reactions.clear();
                    organicCascade(o, reactions);
                    emit(o, reactions);
                }
            }
        }

        void fandom(int f) throws IOException {
            ScenarioConfig.Fandom k = cfg.fandom();
            int[] fans = fanMembers[f];
            double[] participation = new double[fans.length];
            double[] median = new double[fans.length];
            for (int i = 0; i < fans.length; i++) {
                participation[i] = Math.min(0.95, k.participation() * Math.exp(0.6 * Distributions.gaussian(rng)));
                median[i] = Distributions.logNormal(rng, k.delayMedianSeconds(), 0.7);
            }
            List<SimPost> reactions = new ArrayList<>();
            for (int idol : idols[f]) {
                int c = pop.community[idol];
                String[] tags = {commTags[c][0], lex.word(2, 3)};
                int posts = Math.max(1, Distributions.poisson(rng, cfg.days() * k.idolPostsPerDay()));
                for (int p = 0; p < posts; p++) {
                    long t = dailyTime(c);
                    String[] own = rng.nextDouble() < 0.6 ? tags : new String[] {tags[rng.nextInt(2)]};
                    SimPost o = original(idol, t, words(c, 4, 12), own, NO_STRINGS, NO_INTS);
                    reactions.clear();
                    for (int i = 0; i < fans.length; i++) {
                        if (rng.nextDouble() >= participation[i]) {
                            continue;
                        }
                        long rt = t + 1 + (long) Distributions.logNormal(rng, median[i], 1.0);
                        if (rt >= end) {
                            continue;
                        }
                        double u = rng.nextDouble();
                        if (u < 0.85) {
                            reactions.add(retweet(fans[i], o, rt));
                        } else if (u < 0.95) {
                            reactions.add(reply(fans[i], o, rt + 20));
                        } else {
                            reactions.add(quote(fans[i], o, rt + 30, new String[] {tags[0]}));
                        }
                    }
                    organicCascade(o, reactions);
                    emit(o, reactions);
                }
            }
        }

        void newsBurst(int i) throws IOException {
            ScenarioConfig.News k = cfg.news();
            int outlet = newsOutlet[i];
            int c = pop.community[outlet];
            String tag = lex.word(2, 3);
            long day = cfg.days() / 2;
            long t0 = start + day * DAY + Distributions.dailySecond(rng) - commTz[c] * 3600L;
            t0 = Math.min(end - 3 * 3600L, Math.max(start, t0));
            String[] urls = {"https://" + newsDomains[0] + "/" + lex.word(2, 3) + "-" + rng.nextInt(100_000)};
            SimPost o = original(outlet, t0, words(c, 6, 12), new String[] {tag}, urls, NO_INTS);
            List<SimPost> reactions = new ArrayList<>();
            List<SimPost> own = new ArrayList<>();
            double mean = k.windowMinutes() * 60 / 3;
            for (int a : newsMembers[i]) {
                int times = rng.nextDouble() < 0.3 ? 2 : 1;
                long t = t0;
                for (int j = 0; j < times; j++) {
                    t += 10 + (long) Distributions.exponential(rng, j == 0 ? mean : 7200);
                    if (t >= end) {
                        break;
                    }
                    double u = rng.nextDouble();
                    if (u < 0.45) {
                        reactions.add(retweet(a, o, t));
                    } else if (u < 0.55) {
                        reactions.add(quote(a, o, t, new String[] {tag}));
                    } else {
                        int mc = pop.community[a];
                        String[] mine = rng.nextDouble() < 0.4 ? new String[] {"https://"
                                + newsDomains[rng.nextInt(newsDomains.length)] + "/" + lex.word(2, 3) + "-"
                                + rng.nextInt(100_000)} : NO_STRINGS;
                        String[] tags = rng.nextDouble() < 0.3
                                ? new String[] {tag, commTags[mc][rng.nextInt(commTags[mc].length)]}
                                : new String[] {tag};
                        own.add(original(a, t, words(mc, 4, 12), tags, mine, NO_INTS));
                    }
                }
            }
            organicCascade(o, reactions);
            emit(o, reactions);
            List<SimPost> cascade = new ArrayList<>();
            for (SimPost p : own) {
                cascade.clear();
                organicCascade(p, cascade);
                emit(p, cascade);
            }
        }
    }

    /** One account's followees, distinct, in insertion order; a stamp per account makes the check O(1). */
    private static final class Followees {
        int[] items = new int[64];
        int size;
        private final int[] seen;
        private int stamp;

        Followees(int accounts) {
            seen = new int[accounts];
        }

        void reset(int self) {
            size = 0;
            if (++stamp == Integer.MAX_VALUE) {
                Arrays.fill(seen, 0);
                stamp = 1;
            }
            seen[self] = stamp;
        }

        /** Adds {@code v} unless it is already there or the account itself; true if added. */
        boolean add(int v) {
            if (seen[v] == stamp) {
                return false;
            }
            seen[v] = stamp;
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
            return true;
        }
    }
}
