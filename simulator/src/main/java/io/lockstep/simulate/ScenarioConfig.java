package io.lockstep.simulate;

import java.util.Locale;
import java.util.Objects;

/**
 * Everything that shapes a simulated archive: the organic background and the planted operations and hard negatives.
 * Immutable; presets per scenario come from {@link #preset(String, int, int, long)} and difficulty is changed with
 * {@link #withDifficulty(double, double, double)}. See {@code docs/simulator.md} for what each knob does.
 *
 * @param seed            the single seed of every random choice (same seed, same bytes)
 * @param accounts        total number of accounts, operations and hard negatives included
 * @param days            length of the observed window in days
 * @param postsPerAccount target mean number of posts per account (originals and reactions together)
 * @param startEpoch      start of the window, epoch seconds UTC
 * @param background      the ordinary follow graph: communities, homophily, popularity, follow counts
 * @param botnets         number of hashtag-boosting botnets
 * @param botnet          knobs shared by every botnet instance
 * @param farms           number of follower farms
 * @param farm            knobs of every farm
 * @param agedFarms       number of follower farms of aged accounts bought second-hand (same knobs as {@code farm},
 *                        but created over years, with an ordinary past: a harder positive)
 * @param linkRings       number of copy-paste link rings
 * @param linkRing        knobs of every link ring
 * @param fandoms         number of fandoms (hard negative)
 * @param fandom          knobs of every fandom
 * @param newsBursts      number of organic news bursts (hard negative)
 * @param news            knobs of every news burst
 */
public record ScenarioConfig(long seed, int accounts, int days, double postsPerAccount, long startEpoch,
                             Background background, int botnets, Botnet botnet, int farms, Farm farm, int agedFarms,
                             int linkRings, LinkRing linkRing, int fandoms, Fandom fandom, int newsBursts, News news) {

    /** 2019-03-01T00:00:00Z. */
    public static final long START_EPOCH_DEFAULT = 1_551_398_400L;
    public static final int DAYS_DEFAULT = 14;
    public static final long SEED_DEFAULT = 42L;
    public static final double POSTS_PER_ACCOUNT_DEFAULT = 10.0;
    /** Accounts in the demo archive. */
    public static final int DEMO_ACCOUNTS = 2500;
    /** The scenario names accepted by {@link #preset}. */
    public static final String[] SCENARIOS = {"mixed", "botnet", "farm", "agedfarm", "linkring", "fandom", "news",
            "organic"};

    /**
     * The ordinary follow graph. Organic accounts live in homophilous communities whose sizes follow a Zipf law
     * ({@code 1 / rank^communitySizeExponent}, no community above {@link #MAX_COMMUNITY} members); popularity is
     * Pareto with shape {@code popularityExponent}, measured inside the account's community (capped at its size);
     * each account follows {@code LogNormal(followsMedian, followsSigma)} accounts (at most {@code maxFollows}), a
     * share {@code homophily} of them in its own community by popularity, the rest in other communities of its
     * language (60 %) or anywhere (40 %), again by popularity. A share {@code followerless} of the ordinary accounts
     * (fandom members included; not the idols, news outlets and farm clients) is followed by nobody, as many real
     * newcomers and lurkers are: each ordinary account with probability {@code followerless}, twice that for the
     * accounts created in the 90 days before the window.
     *
     * @param communities             number of communities, 0 for {@code clamp(accounts / 500, 4, 4000)}
     * @param communitySizeExponent   Zipf exponent of community sizes
     * @param homophily               share of follows (and reactions) inside the account's own community
     * @param popularityExponent      Pareto shape of popularity (smaller: heavier tail, fewer and bigger stars)
     * @param followsMedian           median number of accounts an ordinary account follows
     * @param followsSigma            log-normal sigma of the follow count
     * @param maxFollows              cap on one account's follows
     * @param followerless            share of the ordinary accounts nobody follows (0: every account has followers)
     */
    public record Background(int communities, double communitySizeExponent, double homophily,
                             double popularityExponent, double followsMedian, double followsSigma, int maxFollows,
                             double followerless) {
        /** Largest community, in accounts. */
        public static final int MAX_COMMUNITY = 5000;

        public Background {
            if (communities < 0 || communities > 100_000) {
                throw new IllegalArgumentException("communities must be within 0..100000 (0: automatic), got "
                        + communities);
            }
            if (!(communitySizeExponent >= 0 && communitySizeExponent <= 3)) {
                throw new IllegalArgumentException("communitySizeExponent must be within [0, 3]: "
                        + communitySizeExponent);
            }
            requireProbability("homophily", homophily);
            if (!(popularityExponent >= 0.5 && popularityExponent <= 5)) {
                throw new IllegalArgumentException("popularityExponent must be within [0.5, 5]: "
                        + popularityExponent);
            }
            if (!(followsMedian >= 1 && followsMedian <= 5000) || !(followsSigma >= 0 && followsSigma <= 3)) {
                throw new IllegalArgumentException("followsMedian must be within [1, 5000] and followsSigma within "
                        + "[0, 3]: " + followsMedian + ", " + followsSigma);
            }
            if (maxFollows < 1) {
                throw new IllegalArgumentException("maxFollows must be at least 1: " + maxFollows);
            }
            if (!(followerless >= 0 && followerless <= 0.9)) {
                throw new IllegalArgumentException("followerless must be within [0, 0.9]: " + followerless);
            }
        }

        /** The number of communities for {@code accounts} accounts. */
        public int communityCount(int accounts) {
            return communities > 0 ? communities : Math.max(4, Math.min(4000, accounts / 500));
        }

        public Background withCommunities(int c) {
            return new Background(c, communitySizeExponent, homophily, popularityExponent, followsMedian,
                    followsSigma, maxFollows, followerless);
        }

        public Background withHomophily(double h) {
            return new Background(communities, communitySizeExponent, h, popularityExponent, followsMedian,
                    followsSigma, maxFollows, followerless);
        }

        public Background withPopularityExponent(double e) {
            return new Background(communities, communitySizeExponent, homophily, e, followsMedian, followsSigma,
                    maxFollows, followerless);
        }

        public Background withFollows(double median, double sigma) {
            return new Background(communities, communitySizeExponent, homophily, popularityExponent, median, sigma,
                    maxFollows, followerless);
        }

        public Background withFollowerless(double share) {
            return new Background(communities, communitySizeExponent, homophily, popularityExponent, followsMedian,
                    followsSigma, maxFollows, share);
        }
    }

    /**
     * Automatic community count, Zipf 0.9 sizes, 85 % homophily, Pareto 1.3 popularity, LogNormal(40, 1.0) follows,
     * every ordinary account followed.
     */
    public static Background defaultBackground() {
        return new Background(0, 0.9, 0.85, 1.3, 40, 1.0, 3000, 0);
    }

    /**
     * A hashtag-boosting botnet: a few seeds post template texts with the campaign hashtags; amplifiers retweet them.
     *
     * @param size              members (seeds + amplifiers)
     * @param seedShare         share of members that are seeds
     * @param participation     probability that an amplifier retweets a given seed post
     * @param delayMedianSeconds median retweet delay of amplifiers (log-normal, sigma {@code delaySigma})
     * @param delaySigma        log-normal sigma of amplifier delays
     * @param camouflageShare   share of an amplifier's posts that are camouflage retweets of popular organic content
     * @param eventsPerDay      seed posts per day
     * @param creationBurstDays width of the window in which the members were created
     * @param templateShare     share of an amplifier's reactions that are template originals rather than retweets
     */
    public record Botnet(int size, double seedShare, double participation, double delayMedianSeconds,
                         double delaySigma, double camouflageShare, double eventsPerDay, double creationBurstDays,
                         double templateShare) {
        public Botnet {
            requireProbability("participation", participation);
            requireProbability("camouflageShare", camouflageShare);
            requireProbability("seedShare", seedShare);
            requireProbability("templateShare", templateShare);
            if (camouflageShare >= 0.99) {
                throw new IllegalArgumentException("camouflageShare must be below 0.99: " + camouflageShare);
            }
            if (delayMedianSeconds <= 0 || delaySigma < 0) {
                throw new IllegalArgumentException("bot delays need a positive median and sigma >= 0");
            }
        }
    }

    /**
     * A follower farm: accounts created in a burst that follow the client plus popular targets from a small pool.
     *
     * @param size              members
     * @param targetPool        popular accounts (from disparate communities) the farm draws its targets from
     * @param targetsPerMember  targets each member follows besides the client
     * @param maxPostsPerMember members post at most this many generic originals
     * @param creationBurstDays width of the creation burst
     */
    public record Farm(int size, int targetPool, int targetsPerMember, int maxPostsPerMember,
                       double creationBurstDays) {
    }

    /**
     * A copy-paste link ring of established accounts posting the same text and URL within a short window.
     *
     * @param size           members
     * @param participation  probability that a member joins a given push
     * @param eventsPerDay   pushes per day
     * @param windowMinutes  members post within this window after the push starts (exponential, mean window/3)
     */
    public record LinkRing(int size, double participation, double eventsPerDay, double windowMinutes) {
        public LinkRing {
            requireProbability("participation", participation);
        }
    }

    /**
     * A fandom: fans retweet their idols fast and densely, but each at its own pace (hard negative).
     *
     * @param size               fans
     * @param idols              idol accounts (popular organic accounts in the fans' community)
     * @param idolPostsPerDay    posts per idol per day
     * @param participation      mean probability that a fan retweets a given idol post (each fan draws its own)
     * @param delayMedianSeconds median fan retweet delay
     */
    public record Fandom(int size, int idols, double idolPostsPerDay, double participation,
                         double delayMedianSeconds) {
        public Fandom {
            requireProbability("participation", participation);
        }
    }

    /**
     * An organic news burst: many unrelated accounts post on one hashtag within about an hour (hard negative).
     *
     * @param size          accounts taking part
     * @param windowMinutes mean reaction time is a third of this window
     */
    public record News(int size, double windowMinutes) {
    }

    public ScenarioConfig {
        if (accounts < 100) {
            throw new IllegalArgumentException("at least 100 accounts are needed, got " + accounts);
        }
        if (accounts > 4_000_000) {
            throw new IllegalArgumentException("at most 4,000,000 accounts are supported, got " + accounts);
        }
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("days must be within 1..366, got " + days);
        }
        if (!(postsPerAccount > 0) || postsPerAccount > 1000) {
            throw new IllegalArgumentException("postsPerAccount must be within (0, 1000], got " + postsPerAccount);
        }
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(botnet, "botnet");
        Objects.requireNonNull(farm, "farm");
        Objects.requireNonNull(linkRing, "linkRing");
        Objects.requireNonNull(fandom, "fandom");
        Objects.requireNonNull(news, "news");
        if (botnets < 0 || farms < 0 || agedFarms < 0 || linkRings < 0 || fandoms < 0 || newsBursts < 0) {
            throw new IllegalArgumentException("group counts must not be negative");
        }
        long planted = (long) botnets * botnet.size() + (long) (farms + agedFarms) * farm.size()
                + (long) linkRings * linkRing.size()
                + (long) fandoms * fandom.size() + (long) newsBursts * news.size();
        if (planted > accounts / 2) {
            throw new IllegalArgumentException("planted groups (" + planted + " accounts) exceed half of " + accounts);
        }
    }

    /** The default knobs of a botnet of {@code size} members. */
    public static Botnet defaultBotnet(int size) {
        return new Botnet(size, 0.1, 0.7, 30, 0.9, 0.3, 3, 2, 0.15);
    }

    public static Farm defaultFarm(int size) {
        return new Farm(size, 40, 12, 2, 1);
    }

    public static LinkRing defaultLinkRing(int size) {
        return new LinkRing(size, 0.75, 2, 45);
    }

    public static Fandom defaultFandom(int size) {
        return new Fandom(size, 3, 3, 0.5, 150);
    }

    public static News defaultNews(int size) {
        return new News(size, 60);
    }

    /**
     * The preset for a scenario: {@code mixed} plants two botnets, a farm, a link ring, a fandom and a news burst;
     * {@code botnet}, {@code farm}, {@code agedfarm} (a farm of aged accounts bought second-hand) and
     * {@code linkring} plant one operation of that type next to both hard negatives; {@code fandom} and {@code news}
     * hold only that hard negative; {@code organic} holds no operation at all, only ordinary accounts with a fandom
     * and a news burst, so that every flag is a false positive. Group sizes scale with {@code accounts}.
     */
    public static ScenarioConfig preset(String scenario, int accounts, int days, long seed) {
        int botSize = Math.max(20, accounts / 200);
        int farmSize = Math.max(30, accounts / 150);
        int ringSize = Math.max(10, accounts / 1000);
        int fandomSize = Math.max(40, accounts / 100);
        int newsSize = Math.max(50, accounts / 80);
        String s = scenario.toLowerCase(Locale.ROOT);
        // botnets, farms, aged farms, link rings, fandoms, news bursts
        int[] counts = switch (s) {
            case "mixed" -> new int[] {2, 1, 0, 1, 1, 1};
            case "botnet" -> new int[] {1, 0, 0, 0, 1, 1};
            case "farm" -> new int[] {0, 1, 0, 0, 1, 1};
            case "agedfarm" -> new int[] {0, 0, 1, 0, 1, 1};
            case "linkring" -> new int[] {0, 0, 0, 1, 1, 1};
            case "fandom" -> new int[] {0, 0, 0, 0, 1, 0};
            case "news" -> new int[] {0, 0, 0, 0, 0, 1};
            case "organic" -> new int[] {0, 0, 0, 0, 1, 1};
            default -> throw new IllegalArgumentException("unknown scenario '" + scenario
                    + "' (expected one of " + String.join(", ", SCENARIOS) + ")");
        };
        return new ScenarioConfig(seed, accounts, days, POSTS_PER_ACCOUNT_DEFAULT, START_EPOCH_DEFAULT,
                defaultBackground(), counts[0], defaultBotnet(botSize), counts[1], defaultFarm(farmSize), counts[2],
                counts[3], defaultLinkRing(ringSize), counts[4], defaultFandom(fandomSize), counts[5],
                defaultNews(newsSize));
    }

    /** The demo archive: {@value #DEMO_ACCOUNTS} accounts, 7 days, every operation type and both hard negatives. */
    public static ScenarioConfig demo() {
        return preset("mixed", DEMO_ACCOUNTS, 7, SEED_DEFAULT);
    }

    /**
     * The same scenario with the botnets and link rings made harder or easier.
     *
     * @param participation   probability that a member joins a coordinated action (botnets and link rings)
     * @param delayScale      multiplies the bots' median retweet delay (1 = default {@code 30 s})
     * @param camouflageShare share of bot posts that are camouflage retweets of popular content
     */
    public ScenarioConfig withDifficulty(double participation, double delayScale, double camouflageShare) {
        if (!(delayScale > 0)) {
            throw new IllegalArgumentException("delayScale must be positive: " + delayScale);
        }
        Botnet b = new Botnet(botnet.size(), botnet.seedShare(), participation,
                defaultBotnet(1).delayMedianSeconds() * delayScale, botnet.delaySigma(), camouflageShare,
                botnet.eventsPerDay(), botnet.creationBurstDays(), botnet.templateShare());
        LinkRing r = new LinkRing(linkRing.size(), participation, linkRing.eventsPerDay(), linkRing.windowMinutes());
        return new ScenarioConfig(seed, accounts, days, postsPerAccount, startEpoch, background, botnets, b, farms,
                farm, agedFarms, linkRings, r, fandoms, fandom, newsBursts, news);
    }

    public ScenarioConfig withSeed(long newSeed) {
        return new ScenarioConfig(newSeed, accounts, days, postsPerAccount, startEpoch, background, botnets, botnet,
                farms, farm, agedFarms, linkRings, linkRing, fandoms, fandom, newsBursts, news);
    }

    public ScenarioConfig withPostsPerAccount(double perAccount) {
        return new ScenarioConfig(seed, accounts, days, perAccount, startEpoch, background, botnets, botnet, farms,
                farm, agedFarms, linkRings, linkRing, fandoms, fandom, newsBursts, news);
    }

    /** The same scenario over another ordinary follow graph. */
    public ScenarioConfig withBackground(Background b) {
        return new ScenarioConfig(seed, accounts, days, postsPerAccount, startEpoch, b, botnets, botnet, farms, farm,
                agedFarms, linkRings, linkRing, fandoms, fandom, newsBursts, news);
    }

    /** The same scenario with {@code count} farms of aged accounts added (or removed with 0). */
    public ScenarioConfig withAgedFarms(int count) {
        return new ScenarioConfig(seed, accounts, days, postsPerAccount, startEpoch, background, botnets, botnet,
                farms, farm, count, linkRings, linkRing, fandoms, fandom, newsBursts, news);
    }

    private static void requireProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be within [0, 1]: " + p);
        }
    }
}
