package io.lockstep.coordination;

import io.lockstep.activity.Activity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A small seeded generator of follow graphs shaped like real ones, for the follow signal's tests: homophilous
 * communities whose members follow a lognormal number of accounts, most of them inside their community, chosen by a
 * heavy-tailed popularity measured inside the community (so hundreds of members follow the same community stars),
 * plus optional farms. Account ids: {@code c<community>m<index>} (member 0..4 of each community are its stars),
 * farm accounts {@code f<index>}, clients {@code client<index>}.
 */
final class FollowGraphs {
    static final long NOW = 1_700_000_000L;
    static final long DAY = 86_400L;
    static final long YEAR = 365 * DAY;

    final Timeline t = new Timeline();
    private final Random r;
    private final List<List<String>> members = new ArrayList<>();
    private final List<double[]> popularity = new ArrayList<>();
    private final List<double[]> cumulative = new ArrayList<>();

    FollowGraphs(long seed) {
        this.r = new Random(seed);
    }

    /**
     * Adds a community of {@code size} members created over eight years; member k has popularity (k + 1)^−exponent
     * (Zipf), so members 0..4 are its stars.
     */
    FollowGraphs community(int size, double exponent) {
        return community(size, exponent, NOW - 8 * YEAR, 7 * YEAR);
    }

    /**
     * As {@link #community(int, double)}, with the members created uniformly in [{@code from}, {@code from + span})
     * (epoch seconds): a platform growing fast, where a farm of a few dozen made in four days is no spike among
     * the archive's sign-ups.
     */
    FollowGraphs community(int size, double exponent, long from, long span) {
        int c = members.size();
        List<String> ids = new ArrayList<>();
        double[] w = new double[size];
        double[] cum = new double[size];
        double s = 0;
        for (int k = 0; k < size; k++) {
            String id = "c" + c + "m" + k;
            ids.add(id);
            t.b.account(id, id, from + (long) (r.nextDouble() * span), 0);
            w[k] = Math.pow(k + 1, -exponent);
            s += w[k];
            cum[k] = s;
        }
        members.add(ids);
        popularity.add(w);
        cumulative.add(cum);
        return this;
    }

    /**
     * Writes the ordinary follows: each member follows round(lognormal(median, sigma)) distinct accounts (at least
     * 3), each inside its community with probability {@code homophily}, else in a random other community, drawn
     * by in-community popularity.
     */
    FollowGraphs follows(double median, double sigma, double homophily) {
        for (int c = 0; c < members.size(); c++) {
            List<String> ids = members.get(c);
            for (int k = 0; k < ids.size(); k++) {
                int d = Math.max(3, (int) Math.round(median * Math.exp(sigma * r.nextGaussian())));
                Set<String> chosen = new HashSet<>();
                for (int attempt = 0; chosen.size() < d && attempt < 20 * d; attempt++) {
                    int cc = c;
                    if (members.size() > 1 && r.nextDouble() >= homophily) {
                        cc = r.nextInt(members.size() - 1);
                        if (cc >= c) {
                            cc++;
                        }
                    }
                    String target = draw(cc);
                    if (!target.equals(ids.get(k)) && chosen.add(target)) {
                        t.b.addFollow(ids.get(k), target);
                    }
                }
                drawn.put(ids.get(k), d);
            }
        }
        return this;
    }

    /** The follows each member drew in {@link #follows} (its ordinary list's length). */
    private final Map<String, Integer> drawn = new HashMap<>();

    private String draw(int c) {
        double[] cum = cumulative.get(c);
        double x = r.nextDouble() * cum[cum.length - 1];
        int lo = 0, hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return members.get(c).get(lo);
    }

    /**
     * Communities of lognormal sizes (median 300, σ 1.2, clipped to 10–5,000 accounts, drawn from {@code sizes}) until
     * {@code accounts} accounts exist: the shape of a platform's topical communities that {@code FollowBenchmark}
     * and the tests at scale share.
     */
    FollowGraphs lognormalCommunities(int accounts, Random sizes) {
        int made = 0;
        while (made < accounts) {
            int size = (int) Math.max(10, Math.min(5000, Math.round(300 * Math.exp(1.2 * sizes.nextGaussian()))));
            size = Math.min(size, Math.max(10, accounts - made));
            community(size, 1.0);
            made += size;
        }
        return this;
    }

    /** Every member of community {@code c} follows its {@code stars} top accounts (besides its drawn follows). */
    FollowGraphs everyoneFollowsStars(int c, int stars) {
        List<String> ids = members.get(c);
        for (int k = 0; k < ids.size(); k++) {
            for (int s = 0; s < stars; s++) {
                if (s != k) {
                    t.b.addFollow(ids.get(k), ids.get(s));
                }
            }
        }
        return this;
    }

    /** Each of community {@code c}'s {@code stars} top accounts follows every member back (a club's officers). */
    FollowGraphs starsFollowBack(int c, int stars) {
        List<String> ids = members.get(c);
        for (int s = 0; s < stars; s++) {
            for (int k = 0; k < ids.size(); k++) {
                if (k != s) {
                    t.b.addFollow(ids.get(s), ids.get(k));
                }
            }
        }
        return this;
    }

    /**
     * A city's {@code outlets} accounts ({@code outlet<k>}), each followed by a share {@code share} of community
     * {@code c}'s members (its readers) and following {@code followsBack} of them (a local outlet follows its
     * city's accounts). Returns the outlets' ids.
     */
    List<String> localOutlets(int c, int outlets, double share, int followsBack) {
        List<String> ids = members.get(c);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < outlets; k++) {
            String id = "outlet" + k;
            out.add(id);
            t.b.account(id, id, NOW - 6 * YEAR, 0);
            for (String m : ids) {
                if (r.nextDouble() < share) {
                    t.b.addFollow(m, id);
                }
            }
            List<String> city = new ArrayList<>(ids);
            Collections.shuffle(city, r);
            for (String m : city.subList(0, Math.min(followsBack, city.size()))) {
                t.b.addFollow(id, m);
            }
        }
        return out;
    }

    /**
     * The top accounts of {@code count} small interests ({@code niche<k>}, created six years ago), each followed by
     * {@code readers} members of community {@code c} drawn at random (not its stars): accounts a per-interest
     * suggestion list names whose audience is small. Returns their ids.
     */
    List<String> nicheAccounts(int c, int count, int readers) {
        List<String> ids = members.get(c);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            String id = "niche" + k;
            out.add(id);
            t.b.account(id, id, NOW - 6 * YEAR, 0);
            List<String> fans = new ArrayList<>(ids.subList(5, ids.size()));
            Collections.shuffle(fans, r);
            for (String m : fans.subList(0, Math.min(readers, fans.size()))) {
                t.b.addFollow(m, id);
            }
        }
        return out;
    }

    /**
     * The people each of {@code accounts} knows: each account is followed by {@code min}..{@code max} members of one
     * community drawn at random (and follows back half of them), as a newcomer's friends and colleagues follow it
     * (call after the accounts exist).
     */
    void acquaintances(List<String> accounts, int min, int max) {
        for (String id : accounts) {
            List<String> ids = members.get(r.nextInt(members.size()));
            int k = min + r.nextInt(max - min + 1);
            for (int i = 0; i < k; i++) {
                String friend = ids.get(5 + r.nextInt(ids.size() - 5));
                t.b.addFollow(friend, id);
                if (r.nextBoolean()) {
                    t.b.addFollow(id, friend);
                }
            }
        }
    }

    /**
     * Follow-back accounts (Ghosh et al. 2012's social capitalists): {@code count} accounts ({@code fb<k>}, created
     * six years ago), each followed by {@code ordinary} ordinary members of community 0 and by {@code per} of them
     * drawn for each of {@code accounts}, and following back every one of its followers. Returns their ids.
     */
    List<String> followBackAccounts(int count, int ordinary, List<String> accounts, int per) {
        List<String> ids = new ArrayList<>();
        List<Set<String>> followers = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            String id = "fb" + k;
            ids.add(id);
            followers.add(new LinkedHashSet<>());
            t.b.account(id, id, NOW - 6 * YEAR, 0);
            List<String> audience = members.get(0);
            for (int i = 0; i < ordinary; i++) {
                followers.get(k).add(audience.get(5 + r.nextInt(audience.size() - 5)));
            }
        }
        for (String a : accounts) {
            for (int i = 0; i < per; i++) {
                followers.get(r.nextInt(count)).add(a);
            }
        }
        for (int k = 0; k < count; k++) {
            for (String f : followers.get(k)) {
                t.b.addFollow(f, ids.get(k));
                t.b.addFollow(ids.get(k), f);
            }
        }
        return ids;
    }

    /**
     * An interest that cuts across communities (a party, a club, a scene): {@code stars} accounts ({@code
     * <prefix><k>}, created six years ago) read by a share {@code readers} of the ordinary members (not the stars)
     * of each of {@code communities}. Each reader has its own keenness q, uniform in [0.2, 1), and follows star k
     * with probability q · (k + 1)^−0.5: the keenest follow most of the stars, the others one or two, as the readers
     * of a real interest do. Returns {the stars, the readers}.
     */
    List<List<String>> interest(String prefix, int stars, double readers, int... communities) {
        List<String> starIds = new ArrayList<>();
        for (int k = 0; k < stars; k++) {
            String id = prefix + k;
            starIds.add(id);
            t.b.account(id, id, NOW - 6 * YEAR, 0);
        }
        List<String> readerIds = new ArrayList<>();
        for (int c : communities) {
            List<String> ids = members.get(c);
            for (String m : ids.subList(5, ids.size())) {
                if (r.nextDouble() >= readers) {
                    continue;
                }
                readerIds.add(m);
                double q = 0.2 + 0.8 * r.nextDouble();
                for (int k = 0; k < stars; k++) {
                    if (r.nextDouble() < q * Math.pow(k + 1, -0.5)) {
                        t.b.addFollow(m, starIds.get(k));
                    }
                }
            }
        }
        return List.of(starIds, readerIds);
    }

    /**
     * An onboarding starter list: the first five of {@code tops} and the two first stars of communities 0–3, as a
     * mutable list (a caller may add niche accounts).
     */
    static List<String> starterList(List<String> tops) {
        List<String> list = new ArrayList<>(tops.subList(0, 5));
        for (int c = 0; c < 4; c++) {
            list.add(member(c, 0));
            list.add(member(c, 1));
        }
        return list;
    }

    /** The id of member {@code k} of community {@code c}. */
    static String member(int c, int k) {
        return "c" + c + "m" + k;
    }

    /**
     * A farm of {@code size} accounts following one new client and {@code perMember} random accounts of a pool made
     * of the {@code starsPerCommunity} top accounts of every community. {@code burst}: created within four days a
     * year ago; otherwise aged accounts created over six years (bought second-hand).
     */
    List<String> farm(int size, int starsPerCommunity, int perMember, boolean burst, String client) {
        return farm(size, starsPerCommunity, perMember, burst, client, members.size());
    }

    /** As above, with a pool drawn from the first {@code communities} communities. */
    List<String> farm(int size, int starsPerCommunity, int perMember, boolean burst, String client,
                      int communities) {
        t.b.account(client, client, NOW - 3 * YEAR, 0);
        List<String> pool = new ArrayList<>();
        for (List<String> ids : members.subList(0, Math.min(communities, members.size()))) {
            for (int k = 0; k < starsPerCommunity && k < ids.size(); k++) {
                pool.add(ids.get(k));
            }
        }
        List<String> farm = new ArrayList<>();
        int start = farmCount;
        for (int i = 0; i < size; i++) {
            String id = "f" + (start + i);
            farm.add(id);
            long created = burst ? NOW - YEAR + (long) (r.nextDouble() * 4 * DAY)
                    : NOW - 7 * YEAR + (long) (r.nextDouble() * 6 * YEAR);
            t.b.account(id, id, created, 0);
            t.b.addFollow(id, client);
            List<String> p = new ArrayList<>(pool);
            Collections.shuffle(p, r);
            for (int j = 0; j < perMember && j < p.size(); j++) {
                t.b.addFollow(id, p.get(j));
            }
        }
        farmCount += size;
        return farm;
    }

    private int farmCount;

    /**
     * A farm of {@code size} aged accounts bought second-hand: ordinary members (not stars) of communities drawn in
     * proportion to their sizes, keeping the follows of their past (call after {@link #follows}), each made to follow
     * {@code client} (an existing account) and {@code perMember} random accounts of a pool made of the
     * {@code starsPerCommunity} top accounts of every community. No creation burst: the members were created over
     * years with their communities. Returns the members' ids.
     */
    List<String> agedFarm(int size, int starsPerCommunity, int perMember, String client) {
        return agedFarm(-1, size, 0, starsPerCommunity, perMember, client);
    }

    /**
     * As {@link #agedFarm(int, int, int, String)}, with the pool made of the accounts ranked {@code poolFrom} to {@code poolTo − 1} by
     * popularity in every community (0..4 are its stars) and the members drawn from the ordinary members of community
     * {@code c} alone (an aged farm bought from one seller, whose accounts lived in one community), or of every
     * community in proportion to its size when {@code c} is negative.
     */
    List<String> agedFarm(int c, int size, int poolFrom, int poolTo, int perMember, String client) {
        List<String> pool = new ArrayList<>();
        List<String> ordinary = new ArrayList<>();
        for (int cc = 0; cc < members.size(); cc++) {
            List<String> ids = members.get(cc);
            for (int k = 0; k < ids.size(); k++) {
                if (k >= poolFrom && k < poolTo) {
                    pool.add(ids.get(k));
                } else if (k >= 5 && (c < 0 || cc == c) && !ids.get(k).equals(client)) {
                    ordinary.add(ids.get(k));
                }
            }
        }
        Collections.shuffle(ordinary, r);
        List<String> farm = new ArrayList<>(ordinary.subList(0, Math.min(size, ordinary.size())));
        for (String id : farm) {
            t.b.addFollow(id, client);
            List<String> p = new ArrayList<>(pool);
            Collections.shuffle(p, r);
            for (int j = 0; j < perMember && j < p.size(); j++) {
                t.b.addFollow(id, p.get(j));
            }
        }
        return farm;
    }

    /** Every member of community {@code c} but {@code idol} itself follows {@code idol} (an account elsewhere). */
    FollowGraphs everyoneFollows(int c, String idol) {
        for (String id : members.get(c)) {
            if (!id.equals(idol)) {
                t.b.addFollow(id, idol);
            }
        }
        return this;
    }

    /**
     * A farm hidden in community {@code c}: {@code size} accounts created within four days, each following the
     * community's {@code stars} top accounts (as its members do) and {@code clients} new client accounts.
     */
    List<String> hiddenFarm(int c, int size, int stars, int clients) {
        for (int k = 0; k < clients; k++) {
            t.b.account("client" + k, "client" + k, NOW - 3 * YEAR, 0);
        }
        List<String> farm = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "f" + (farmCount + i);
            farm.add(id);
            t.b.account(id, id, NOW - YEAR + (long) (r.nextDouble() * 4 * DAY), 0);
            for (int k = 0; k < stars; k++) {
                t.b.addFollow(id, member(c, k));
            }
            for (int k = 0; k < clients; k++) {
                t.b.addFollow(id, "client" + k);
            }
        }
        farmCount += size;
        return farm;
    }

    /**
     * A slow farm: {@code size} accounts created one by one over three months (no creation burst), each following
     * {@code minPer}..{@code maxPer} of {@code clients} new obscure client accounts (followed by nobody else) and
     * 10–30 random accounts of the graph as camouflage (call after {@link #follows}). Clients are {@code slow<k>},
     * members {@code s<index>}. Returns the members' ids.
     */
    List<String> slowFarm(int size, int clients, int minPer, int maxPer) {
        for (int k = 0; k < clients; k++) {
            t.b.account("slow" + k, "slow" + k, NOW - 2 * YEAR, 0);
        }
        List<String> everyone = everyone();
        List<String> farm = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "s" + i;
            farm.add(id);
            t.b.account(id, id, NOW - 100 * DAY + i * (90 * DAY / size) + (long) (r.nextDouble() * DAY), 0);
            followPartOfQueue(id, "slow", clients, minPer, maxPer, everyone, 21);
        }
        return farm;
    }

    /**
     * A burst farm paid to follow part of a queue of clients: {@code size} accounts created within two days a year
     * ago, each following {@code minPer}..{@code maxPer} of {@code clients} new client accounts ({@code bc<k>}),
     * each client also followed by {@code readers} ordinary members of community {@code c} (its own audience, so
     * that the model expects some follows of it), and 10–20 random accounts of the graph as camouflage (call after
     * {@link #follows}). Members are {@code b<index>}. Returns the members' ids.
     */
    List<String> burstClientFarm(int size, int clients, int minPer, int maxPer, int c, int readers) {
        List<String> audience = members.get(c);
        for (int k = 0; k < clients; k++) {
            t.b.account("bc" + k, "bc" + k, NOW - 3 * YEAR, 0);
            for (int i = 0; i < readers; i++) {
                t.b.addFollow(audience.get(5 + r.nextInt(audience.size() - 5)), "bc" + k);
            }
        }
        List<String> everyone = everyone();
        List<String> farm = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "b" + i;
            farm.add(id);
            t.b.account(id, id, NOW - YEAR + (long) (r.nextDouble() * 2 * DAY), 0);
            followPartOfQueue(id, "bc", clients, minPer, maxPer, everyone, 11);
        }
        return farm;
    }

    /**
     * A drip-feed follower service: a pool of {@code size} accounts ({@code d<index>}) created one by one over a year
     * (no creation burst), each following each of {@code clients} small clients with the client's own probability,
     * drawn in [{@code minShare}, {@code maxShare}), and 10–30 random accounts of the graph as camouflage (call after
     * {@link #follows}). The clients are small accounts of the communities in turn (client k lives in community k mod
     * the communities, a member from the middle of its popularity ranking), each with its own life there. Returns {pool ids, client ids}.
     */
    List<List<String>> dripPool(int size, int clients, double minShare, double maxShare) {
        List<String> clientIds = new ArrayList<>();
        for (int k = 0; k < clients; k++) {
            List<String> ids = members.get(k % members.size());
            clientIds.add(ids.get(ids.size() / 2 + k / members.size()));
        }
        double[] shares = new double[clients];
        for (int k = 0; k < clients; k++) {
            shares[k] = minShare + (maxShare - minShare) * r.nextDouble();
        }
        List<String> everyone = everyone();
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "d" + i;
            pool.add(id);
            t.b.account(id, id, NOW - 400 * DAY + i * (365 * DAY / size) + (long) (r.nextDouble() * DAY), 0);
            for (int k = 0; k < clients; k++) {
                if (r.nextDouble() < shares[k]) {
                    t.b.addFollow(id, clientIds.get(k));
                }
            }
            int camouflage = 10 + r.nextInt(21);
            for (int k = 0; k < camouflage; k++) {
                t.b.addFollow(id, everyone.get(r.nextInt(everyone.size())));
            }
        }
        return List.of(pool, clientIds);
    }

    /**
     * Follow-train circles: {@code size} accounts ({@code ft<index>}, created over six years) in {@code cars} cars,
     * each following every other member of its car with probability 0.8 (the train's "follow everyone") and
     * following back each of its followers there with probability 0.9 (the circle's rule), plus 10–30 random
     * accounts of the graph (call after {@link #follows}). Returns the members' ids.
     */
    List<String> followTrains(int size, int cars) {
        List<String> everyone = everyone();
        List<String> circle = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "ft" + i;
            circle.add(id);
            t.b.account(id, id, NOW - 7 * YEAR + (long) (r.nextDouble() * 6 * YEAR), 0);
        }
        Set<Long> follows = new HashSet<>();
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                if (i != j && i % cars == j % cars && r.nextDouble() < 0.8) {
                    follows.add((long) i << 32 | j);
                }
            }
        }
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                if (follows.contains((long) j << 32 | i) && !follows.contains((long) i << 32 | j)
                        && r.nextDouble() < 0.9) {
                    follows.add((long) i << 32 | j);
                }
            }
        }
        follows.stream().sorted().forEach(e -> t.b.addFollow(circle.get((int) (e >>> 32)), circle.get((int) (long) e)));
        for (String id : circle) {
            int camouflage = 10 + r.nextInt(21);
            for (int k = 0; k < camouflage; k++) {
                t.b.addFollow(id, everyone.get(r.nextInt(everyone.size())));
            }
        }
        return circle;
    }

    /**
     * A K-pop fan base in community {@code c}: {@code idols} new accounts ({@code idol<k>}, following each other and
     * nobody else), each followed by each member of the community with the member's own probability in [0.6, 1);
     * the community's first {@code bases} ordinary members (5..) are its fan accounts, followed by each member with
     * probability 0.7; and each member follows about {@code friends} other members of the community (lognormal, σ
     * 0.9), who follow back with probability 0.75: fans follow each other. Call after {@link #follows}. Returns
     * {fan ids, idol ids}.
     */
    List<List<String>> kpopFandom(int c, int idols, int bases, int friends) {
        List<String> fans = members.get(c);
        List<String> idolIds = new ArrayList<>();
        for (int k = 0; k < idols; k++) {
            String id = "idol" + k;
            idolIds.add(id);
            t.b.account(id, id, NOW - 9 * YEAR, 0);
        }
        for (String a : idolIds) {
            for (String b : idolIds) {
                if (!a.equals(b)) {
                    t.b.addFollow(a, b);
                }
            }
        }
        List<String> baseIds = fans.subList(5, Math.min(fans.size(), 5 + bases));
        for (String fan : fans) {
            double p = 0.6 + 0.4 * r.nextDouble();
            for (String idol : idolIds) {
                if (r.nextDouble() < p) {
                    t.b.addFollow(fan, idol);
                }
            }
            for (String base : baseIds) {
                if (!base.equals(fan) && r.nextDouble() < 0.7) {
                    t.b.addFollow(fan, base);
                }
            }
            int d = Math.min(fans.size() - 1, (int) Math.round(friends * Math.exp(0.9 * r.nextGaussian())));
            for (int k = 0; k < d; k++) {
                String other = fans.get(r.nextInt(fans.size()));
                if (!other.equals(fan)) {
                    t.b.addFollow(fan, other);
                    if (r.nextDouble() < 0.75) {
                        t.b.addFollow(other, fan);
                    }
                }
            }
        }
        return List.of(fans, idolIds);
    }

    /** Every member of every community, in community order. */
    private List<String> everyone() {
        List<String> everyone = new ArrayList<>();
        for (List<String> ids : members) {
            everyone.addAll(ids);
        }
        return everyone;
    }

    /**
     * A paid member's follows: {@code minPer}..{@code maxPer} of the {@code clients} accounts {@code prefix<k>}
     * drawn as a shuffled queue, then 10 to 10 + {@code camouflageSpread} - 1 random accounts of {@code everyone}.
     */
    private void followPartOfQueue(String id, String prefix, int clients, int minPer, int maxPer,
                                   List<String> everyone, int camouflageSpread) {
        List<Integer> queue = new ArrayList<>();
        for (int k = 0; k < clients; k++) {
            queue.add(k);
        }
        Collections.shuffle(queue, r);
        int per = minPer + r.nextInt(maxPer - minPer + 1);
        for (int k = 0; k < per; k++) {
            t.b.addFollow(id, prefix + queue.get(k));
        }
        int camouflage = 10 + r.nextInt(camouflageSpread);
        for (int k = 0; k < camouflage; k++) {
            t.b.addFollow(id, everyone.get(r.nextInt(everyone.size())));
        }
    }

    /**
     * Sign-up waves into community {@code c}: {@code waves} waves of {@code size} new accounts ({@code v<wave>_<i>}),
     * each wave created within two days, the waves {@code apart} days apart ending a year ago; each account follows
     * 10–30 accounts of community {@code c} by its popularity and each of {@code suggested} with probability
     * {@code share} (a suggestion list the newcomers accept). Returns the waves.
     */
    List<List<String>> signupWaves(int c, int waves, int size, int apart, List<String> suggested, double share) {
        List<List<String>> out = new ArrayList<>();
        for (int w = 0; w < waves; w++) {
            List<String> wave = new ArrayList<>();
            long start = NOW - YEAR - (long) (waves - 1 - w) * apart * DAY;
            for (int i = 0; i < size; i++) {
                String id = "v" + w + "_" + i;
                wave.add(id);
                t.b.account(id, id, start + (long) (r.nextDouble() * 2 * DAY), 0);
                Set<String> chosen = newcomerFollows(id, c);
                for (String s : suggested) {
                    if (!chosen.contains(s) && r.nextDouble() < share) {
                        t.b.addFollow(id, s);
                    }
                }
            }
            out.add(wave);
        }
        return out;
    }

    /**
     * A newcomer's own choices: {@code id} follows 10–30 distinct accounts of community {@code c} drawn by their
     * popularity there (fewer when the draws keep repeating); returns them.
     */
    private Set<String> newcomerFollows(String id, int c) {
        int d = 10 + r.nextInt(21);
        Set<String> chosen = new HashSet<>();
        for (int attempt = 0; chosen.size() < d && attempt < 20 * d; attempt++) {
            String target = draw(c);
            if (chosen.add(target)) {
                t.b.addFollow(id, target);
            }
        }
        return chosen;
    }

    /**
     * A sign-up wave: {@code size} new accounts ({@code w<index>}) created within the two days a year ago that
     * {@link #burstClientFarm} uses, each following 10–30 accounts of community {@code c} by its popularity and one
     * of the given accounts.
     */
    List<String> signupWave(int size, int c, List<String> oneOf) {
        List<String> wave = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "w" + i;
            wave.add(id);
            t.b.account(id, id, NOW - YEAR + (long) (r.nextDouble() * 2 * DAY), 0);
            newcomerFollows(id, c);
            t.b.addFollow(id, oneOf.get(r.nextInt(oneOf.size())));
        }
        return wave;
    }

    /**
     * List followers: a roll of {@code roll} accounts (ordinary members 5.. of every community in turn, not its
     * stars) and {@code size} members drawn from the communities in proportion to their sizes (call after
     * {@link #follows}), each also following 60–100 % of the roll, as journalists follow a parliament. Returns
     * {roll ids, follower ids}.
     */
    List<List<String>> listFollowers(int roll, int size) {
        List<String> rollIds = new ArrayList<>();
        for (int k = 5; rollIds.size() < roll; k++) {
            for (List<String> ids : members) {
                if (k < ids.size() && rollIds.size() < roll) {
                    rollIds.add(ids.get(k));
                }
            }
        }
        List<String> ordinary = new ArrayList<>();
        for (List<String> ids : members) {
            ordinary.addAll(ids.subList(Math.min(ids.size(), 5), ids.size()));
        }
        ordinary.removeAll(rollIds);
        Collections.shuffle(ordinary, r);
        List<String> followers = new ArrayList<>(ordinary.subList(0, Math.min(size, ordinary.size())));
        for (String id : followers) {
            double share = 0.6 + 0.4 * r.nextDouble();
            for (String m : rollIds) {
                if (r.nextDouble() < share) {
                    t.b.addFollow(id, m);
                }
            }
        }
        return List.of(rollIds, followers);
    }

    /**
     * The platform's top accounts: {@code count} celebrities ({@code top<k>}, created ten years ago) followed by the
     * members of every community with probability {@code from} for the first, falling linearly to {@code to} for the
     * last, scaled by the member's follows drawn in {@link #follows} against their mean (capped at 1: an account
     * following many follows more of the top accounts too). Call after {@link #follows}. Returns their ids, most
     * followed first.
     */
    List<String> celebrities(int count, double from, double to) {
        List<String> out = new ArrayList<>();
        List<String> everyone = everyone();
        double mean = drawn.values().stream().mapToInt(Integer::intValue).average().orElse(1);
        for (int k = 0; k < count; k++) {
            String id = "top" + k;
            out.add(id);
            t.b.account(id, id, NOW - 10 * YEAR, 0);
            double p = count == 1 ? from : from + (to - from) * k / (count - 1);
            for (String m : everyone) {
                if (r.nextDouble() < p * Math.min(1.0 / p, drawn.getOrDefault(m, 0) / mean)) {
                    t.b.addFollow(m, id);
                }
            }
        }
        return out;
    }

    /**
     * A fresh farm whose vendor serves few clients: {@code size} accounts ({@code v<index>}) created within two days
     * half a year ago, each following each of {@code clients} new clients ({@code vc<k>}, each also followed by
     * {@code readers} ordinary members of community 0) with probability 0.85 (at least one of them), each account
     * of {@code tops} with probability {@code topShare}, and 15–25 random accounts of the graph as camouflage (call
     * after {@link #follows}). Returns the members' ids.
     */
    List<String> fewClientFarm(int size, int clients, int readers, List<String> tops, double topShare) {
        double[] shares = new double[clients];
        Arrays.fill(shares, 0.85);
        return fewClientFarm(size, shares, 2, readers, tops, topShare);
    }

    /**
     * As {@link #fewClientFarm(int, int, int, List, double)}, each member following client {@code vc<k>} with
     * probability {@code shares[k]} (at least one client) and created within {@code days} days half a year ago.
     */
    List<String> fewClientFarm(int size, double[] shares, int days, int readers, List<String> tops, double topShare) {
        return clientFarm(NOW - YEAR / 2, size, shares, days, readers, tops, topShare);
    }

    /**
     * A drip-feed pool: as {@link #fewClientFarm(int, double[], int, int, List, double)}, its accounts created one
     * at a time over the {@code days} days that end half a year ago (a service that makes and delivers its followers
     * gradually).
     */
    List<String> dripPool(int size, double[] shares, int days, int readers, List<String> tops, double topShare) {
        return clientFarm(NOW - YEAR / 2 - days * DAY, size, shares, days, readers, tops, topShare);
    }

    private List<String> clientFarm(long from, int size, double[] shares, int days, int readers, List<String> tops,
                                    double topShare) {
        int clients = shares.length;
        List<String> audience = members.get(0);
        for (int k = 0; k < clients; k++) {
            t.b.account("vc" + k, "vc" + k, NOW - 3 * YEAR, 0);
            for (int i = 0; i < readers; i++) {
                t.b.addFollow(audience.get(5 + r.nextInt(audience.size() - 5)), "vc" + k);
            }
        }
        List<String> everyone = everyone();
        List<String> farm = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "v" + i;
            farm.add(id);
            t.b.account(id, id, from + (long) (r.nextDouble() * days * DAY), 0);
            boolean any = false;
            for (int k = 0; k < clients; k++) {
                if (r.nextDouble() < shares[k] || !any && k == clients - 1) {
                    t.b.addFollow(id, "vc" + k);
                    any = true;
                }
            }
            for (String top : tops) {
                if (r.nextDouble() < topShare) {
                    t.b.addFollow(id, top);
                }
            }
            int camouflage = 15 + r.nextInt(11);
            for (int k = 0; k < camouflage; k++) {
                t.b.addFollow(id, everyone.get(r.nextInt(everyone.size())));
            }
        }
        return farm;
    }

    /**
     * Ordinary newcomers created in the days of {@link #fewClientFarm(int, double[], int, int, List, double)}'s farm:
     * {@code size} accounts ({@code nd<index>}) created within {@code days} days half a year ago, each following
     * {@code client}, one account of {@code tops} and 10–20 accounts of one community drawn at random, by its
     * popularity (call after {@link #follows} and after the farm, whose client must exist). Returns their ids.
     */
    List<String> farmDayNewcomers(int size, int days, String client, List<String> tops) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "nd" + i;
            out.add(id);
            t.b.account(id, id, NOW - YEAR / 2 + (long) (r.nextDouble() * days * DAY), 0);
            Set<String> chosen = new HashSet<>();
            chosen.add(client);
            t.b.addFollow(id, client);
            String top = tops.get(r.nextInt(tops.size()));
            chosen.add(top);
            t.b.addFollow(id, top);
            int c = r.nextInt(members.size());
            int d = 10 + r.nextInt(11);
            for (int attempt = 0; attempt < 20 * d && chosen.size() < d + 2; attempt++) {
                String target = draw(c);
                if (chosen.add(target)) {
                    t.b.addFollow(id, target);
                }
            }
        }
        return out;
    }

    /**
     * A burst farm bought by a client with an audience of its own, as the simulator plants it: {@code size} accounts
     * ({@code pf<index>}) created within four days a year ago, each following {@code client} (an existing account,
     * whose own followers the farm does not outnumber) and {@code perMember} random accounts of {@code pool}, then
     * 0–3 random accounts of the graph. Returns the members' ids.
     */
    List<String> popularClientFarm(int size, String client, List<String> pool, int perMember) {
        List<String> everyone = everyone();
        List<String> farm = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "pf" + i;
            farm.add(id);
            t.b.account(id, id, NOW - YEAR + (long) (r.nextDouble() * 4 * DAY), 0);
            t.b.addFollow(id, client);
            List<String> p = new ArrayList<>(pool);
            Collections.shuffle(p, r);
            for (int j = 0; j < perMember && j < p.size(); j++) {
                t.b.addFollow(id, p.get(j));
            }
            int extra = r.nextInt(4);
            for (int k = 0; k < extra; k++) {
                t.b.addFollow(id, everyone.get(r.nextInt(everyone.size())));
            }
        }
        return farm;
    }

    /**
     * A sign-up wave on one onboarding starter list: {@code size} new accounts ({@code sw<index>}) created within
     * two days a year ago, each accepting each account of {@code list} with probability 0.5–0.95 (drawn per
     * account) and following 10–20 accounts of one community drawn at random, by its popularity. Returns their ids.
     */
    List<String> starterListWave(int size, List<String> list) {
        return starterListWave(size, list, 0.5);
    }

    /**
     * As {@link #starterListWave(int, List)}, each member accepting each account of {@code list} with probability
     * {@code minAccept}–0.95 (drawn per account).
     */
    List<String> starterListWave(int size, List<String> list, double minAccept) {
        List<String> wave = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "sw" + i;
            wave.add(id);
            t.b.account(id, id, NOW - YEAR + (long) (r.nextDouble() * 2 * DAY), 0);
            double accept = minAccept + (0.95 - minAccept) * r.nextDouble();
            Set<String> chosen = new HashSet<>();
            for (String s : list) {
                if (r.nextDouble() < accept && chosen.add(s)) {
                    t.b.addFollow(id, s);
                }
            }
            int c = r.nextInt(members.size());
            int d = 10 + r.nextInt(11);
            for (int attempt = 0; attempt < 20 * d && chosen.size() < d + list.size(); attempt++) {
                String target = draw(c);
                if (chosen.add(target)) {
                    t.b.addFollow(id, target);
                }
            }
        }
        return wave;
    }

    Activity build() {
        return t.build();
    }
}
