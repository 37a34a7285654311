package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityBuilder;
import io.lockstep.activity.PostKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded synthetic archive with planted operations and hard negatives, for end-to-end quality tests:
 * ordinary accounts; a <b>botnet</b> (seed accounts whose posts bots retweet within seconds, with camouflage
 * retweets of popular posts); a <b>follower-farm</b> (accounts created in one day following the same customers);
 * a <b>link-ring</b> (accounts posting the same fringe URLs within seconds); a <b>copypasta</b> ring (near-duplicate
 * scripts within minutes); a <b>fandom</b> (many fans retweeting idols within minutes, each a random subset) and a
 * <b>news</b> burst (many unrelated accounts using one hashtag and a few news URLs within an hour).
 *
 * <p>{@code camouflage} is the ratio of camouflage actions to operation actions per operation account;
 * {@code participation} the probability that a member joins each operation action.
 */
final class PlantedScenario {
    static final long T0 = 1_700_000_000L;
    static final long SPAN = 3 * 86_400L;
    static final String[] OPS = {"botnet", "follower-farm", "link-ring", "copypasta"};

    final Activity activity;
    /** account id -> group: ordinary, botnet, follower-farm, link-ring, copypasta, fandom, news. */
    final Map<String, String> group = new HashMap<>();

    private final ActivityBuilder b = new ActivityBuilder();
    private final Random r;
    private final double camouflage;
    private final double participation;
    private final List<String> originals = new ArrayList<>();
    private final List<String> ordinary = new ArrayList<>();
    private int postSeq;
    private final String[] vocabulary;

    PlantedScenario(long seed, double camouflage, double participation) {
        this.r = new Random(seed);
        this.camouflage = camouflage;
        this.participation = participation;
        vocabulary = new String[3000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = word(i);
        }
        ordinary(1500);
        botnet(40, 5, 30);
        followerFarm(60, 40);
        linkRing(25, 20);
        copypasta(25, 10);
        fandom(300, 5, 40);
        news(300);
        activity = b.build();
    }

    private static String word(int i) {
        StringBuilder s = new StringBuilder();
        int x = i + 7;
        do {
            s.append((char) ('a' + x % 26));
            x /= 26;
        } while (x > 0);
        return s.append("o").toString();
    }

    private String text(int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(i == 0 ? "" : " ").append(vocabulary[r.nextInt(vocabulary.length)]);
        }
        return s.toString();
    }

    private String post(String author, long t, String text, List<String> tags, List<String> urls) {
        String id = "p" + (postSeq++);
        b.addPost(id, author, t, PostKind.TWEET, null, null, text, tags, urls, List.of());
        times.put(id, t);
        return id;
    }

    private void retweet(String author, long t, String original) {
        b.addPost("p" + (postSeq++), author, t, PostKind.RETWEET, original, null, null, List.of(), List.of(),
                List.of());
    }

    private long anyTime() {
        return T0 + (long) (r.nextDouble() * SPAN);
    }

    private String popularOriginal() {
        // Zipf-like: low indices are popular
        int i = (int) (originals.size() * Math.pow(r.nextDouble(), 3));
        return originals.get(i);
    }

    private void account(String id, String g, long created) {
        b.account(id, id, created, 100);
        group.put(id, g);
    }

    private void ordinary(int n) {
        for (int a = 0; a < n; a++) {
            String id = "u" + a;
            account(id, "ordinary", T0 - (long) (r.nextDouble() * 10 * 365 * 86_400L), 100);
            ordinary.add(id);
        }
        for (String id : ordinary) {
            for (int j = 0; j < 10; j++) {
                List<String> tags = r.nextDouble() < 0.3 ? List.of("tag" + r.nextInt(200)) : List.of();
                List<String> urls = r.nextDouble() < 0.2 ? List.of("https://news" + r.nextInt(20) + ".example/a"
                        + r.nextInt(500)) : List.of();
                originals.add(post(id, anyTime(), text(12), tags, urls));
            }
        }
        Collections.shuffle(originals, r);
        for (String id : ordinary) {
            for (int j = 0; j < 10; j++) {
                String o = popularOriginal();
                long t = postTime(o) + 60 + (long) (r.nextDouble() * 86_400);
                retweet(id, t, o);
            }
            for (int j = 0; j < 20; j++) {
                String target = ordinary.get((int) (ordinary.size() * Math.pow(r.nextDouble(), 2)));
                if (!target.equals(id)) {
                    b.addFollow(id, target);
                }
            }
        }
    }

    private final Map<String, Long> times = new HashMap<>();

    private long postTime(String post) {
        return times.get(post);
    }

    private void camouflage(String id, int opActions) {
        int n = (int) Math.round(camouflage * opActions);
        for (int j = 0; j < n; j++) {
            if (r.nextBoolean()) {
                String o = popularOriginal();
                retweet(id, postTime(o) + 60 + (long) (r.nextDouble() * 86_400), o);
            } else {
                post(id, anyTime(), text(12), List.of(), List.of());
            }
        }
    }

    private void botnet(int bots, int seeds, int seedPosts) {
        long created = T0 - 200 * 86_400L;
        List<String> seedIds = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            account("seed" + s, "botnet", T0 - (long) (r.nextDouble() * 5 * 365 * 86_400L));
            seedIds.add("seed" + s);
        }
        List<String> botIds = new ArrayList<>();
        for (int k = 0; k < bots; k++) {
            account("bot" + k, "botnet", created + (long) (r.nextDouble() * 2 * 86_400));
            botIds.add("bot" + k);
        }
        // the campaign: seed posts with #boostme during 6 hours of day 2
        int[] ops = new int[bots];
        for (int i = 0; i < seedPosts; i++) {
            String seed = seedIds.get(i % seeds);
            long t = T0 + 86_400 + (long) (r.nextDouble() * 6 * 3600);
            String p = post(seed, t, text(10), List.of("boostme"), List.of());
            for (int k = 0; k < bots; k++) {
                if (r.nextDouble() < participation) {
                    retweet(botIds.get(k), t + 2 + r.nextInt(18), p);
                    ops[k]++;
                }
            }
        }
        for (int k = 0; k < bots; k++) {
            camouflage(botIds.get(k), ops[k]);
        }
    }

    private void followerFarm(int members, int customers) {
        List<String> targets = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            targets.add(ordinary.get(r.nextInt(ordinary.size())));
        }
        long created = T0 - 30 * 86_400L;
        for (int k = 0; k < members; k++) {
            String id = "farm" + k;
            account(id, "follower-farm", created + (long) (r.nextDouble() * 86_400));
            int follows = 0;
            for (String t : targets) {
                if (r.nextDouble() < participation) {
                    b.addFollow(id, t);
                    follows++;
                }
            }
            int camo = (int) Math.round(camouflage * follows);
            for (int j = 0; j < camo; j++) {
                b.addFollow(id, ordinary.get((int) (ordinary.size() * Math.pow(r.nextDouble(), 2))));
            }
            for (int j = 0; j < 3; j++) {
                post(id, anyTime(), text(12), List.of(), List.of());
            }
        }
    }

    private void linkRing(int members, int urls) {
        int[] ops = new int[members];
        for (int k = 0; k < members; k++) {
            account("ring" + k, "link-ring", T0 - (long) (r.nextDouble() * 3 * 365 * 86_400L));
        }
        for (int u = 0; u < urls; u++) {
            long t = anyTime();
            String url = "https://fringe.example/story-" + u + "?utm_source=ring" + r.nextInt(5);
            for (int k = 0; k < members; k++) {
                if (r.nextDouble() < participation) {
                    post("ring" + k, t + r.nextInt(30), text(8), List.of(), List.of(url));
                    ops[k]++;
                }
            }
        }
        for (int k = 0; k < members; k++) {
            camouflage("ring" + k, ops[k]);
        }
    }

    private void copypasta(int members, int scripts) {
        int[] ops = new int[members];
        for (int k = 0; k < members; k++) {
            account("copy" + k, "copypasta", T0 - (long) (r.nextDouble() * 3 * 365 * 86_400L));
        }
        for (int s = 0; s < scripts; s++) {
            String[] words = text(25).split(" ");
            long t = anyTime();
            for (int k = 0; k < members; k++) {
                if (r.nextDouble() < participation) {
                    String[] variant = words.clone();
                    variant[r.nextInt(variant.length)] = vocabulary[r.nextInt(vocabulary.length)];
                    post("copy" + k, t + r.nextInt(1800), "@u" + r.nextInt(100) + " " + String.join(" ", variant),
                            List.of(), List.of());
                    ops[k]++;
                }
            }
        }
        for (int k = 0; k < members; k++) {
            camouflage("copy" + k, ops[k]);
        }
    }

    private void fandom(int fans, int idols, int idolPosts) {
        List<String> idolIds = new ArrayList<>();
        for (int i = 0; i < idols; i++) {
            account("idol" + i, "fandom", T0 - (long) (r.nextDouble() * 8 * 365 * 86_400L));
            idolIds.add("idol" + i);
        }
        List<String> fanIds = new ArrayList<>();
        for (int f = 0; f < fans; f++) {
            account("fan" + f, "fandom", T0 - (long) (r.nextDouble() * 8 * 365 * 86_400L));
            fanIds.add("fan" + f);
            for (String idol : idolIds) {
                b.addFollow("fan" + f, idol);
            }
            for (int j = 0; j < 5; j++) {
                b.addFollow("fan" + f, fanIds.get(r.nextInt(fanIds.size())));
            }
        }
        for (int i = 0; i < idolPosts * idols; i++) {
            String idol = idolIds.get(i % idols);
            long t = anyTime();
            String p = post(idol, t, text(10), List.of("stan" + (i % idols), "fandom"), List.of());
            for (String fan : fanIds) {
                if (r.nextDouble() < 0.3) {
                    // within minutes: exponential delay with a 5-minute mean, at least 20 s
                    retweet(fan, t + 20 + (long) (-300 * Math.log(1 - r.nextDouble())), p);
                }
            }
        }
        for (String fan : fanIds) {
            for (int j = 0; j < 5; j++) {
                post(fan, anyTime(), text(12), List.of("stan" + r.nextInt(idols), "fandom"), List.of());
            }
        }
    }

    private void news(int accounts) {
        long t = T0 + 2 * 86_400 + 3600;
        for (int k = 0; k < accounts; k++) {
            String id = "news" + k;
            account(id, "news", T0 - (long) (r.nextDouble() * 10 * 365 * 86_400L));
            int n = 1 + r.nextInt(2);
            for (int j = 0; j < n; j++) {
                post(id, t + (long) (r.nextDouble() * 3600), text(12), List.of("breaking"),
                        List.of("https://www.outlet" + r.nextInt(5) + ".example/live"));
            }
            for (int j = 0; j < 8; j++) {
                post(id, anyTime(), text(12), List.of(), List.of());
            }
        }
    }

    private void account(String id, String g, long created, int followers) {
        b.account(id, id, created, followers);
        group.put(id, g);
    }
}
