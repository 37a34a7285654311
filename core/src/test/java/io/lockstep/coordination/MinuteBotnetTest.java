package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retweet botnet in an archive whose times are whole minutes (as in the information-operations releases), among a
 * fandom that retweets its idol in the same minutes and ordinary accounts: the botnet's amplifiers retweet a third
 * of their seeds' posts each, with delays of minutes, so two of them act on the same originals again and again but
 * inside one 60 s window on only a fifth of those they share. The similarity gate on their item overlap and the
 * synchrony read at the archive's resolution find the botnet; the fandom, whose fans share fewer of the idol's posts
 * and meet the crowd of the idol's other fans in every window, stays unflagged.
 */
class MinuteBotnetTest {
    private static final int SEEDS = 3, SEED_POSTS = 130, AMPLIFIERS = 30;
    private static final int FANS = 150, IDOL_POSTS = 200;
    private static final int POSTERS = 100, ORDINARY = 1000, ORDINARY_POSTS = 2000;
    private static final long DAY = 86_400, START = 1_600_000_000L / 60 * 60;

    /** Times floored to the minute. */
    private static long minute(double t) {
        return (long) Math.floor(t / 60) * 60;
    }

    private static double logNormal(Random r, double median, double sigma) {
        return median * Math.exp(sigma * r.nextGaussian());
    }

    static Timeline archive(long seed) {
        Random r = new Random(seed);
        Timeline t = new Timeline();
        for (int s = 0; s < SEEDS; s++) {
            t.accounts("seed" + s);
        }
        for (int a = 0; a < AMPLIFIERS; a++) {
            t.accounts("amp" + a);
        }
        t.accounts("idol");
        for (int f = 0; f < FANS; f++) {
            t.accounts("fan" + f);
        }
        for (int p = 0; p < POSTERS; p++) {
            t.accounts("poster" + p);
        }
        for (int o = 0; o < ORDINARY; o++) {
            t.accounts("user" + o);
        }
        // the seeds' posts over 30 days, each retweeted by a third of the amplifiers after minutes
        for (int i = 0; i < SEEDS * SEED_POSTS; i++) {
            double t0 = START + r.nextDouble() * 30 * DAY;
            String id = "s" + i;
            t.tweet(id, "seed" + (i % SEEDS), minute(t0));
            for (int a = 0; a < AMPLIFIERS; a++) {
                if (r.nextDouble() < 1.0 / 3) {
                    t.retweet("amp" + a, minute(t0 + 30 + logNormal(r, 240, 1.0)), id);
                }
            }
        }
        // the idol's posts, each retweeted by a quarter of the fans within the first minutes
        for (int i = 0; i < IDOL_POSTS; i++) {
            double t0 = START + r.nextDouble() * 30 * DAY;
            String id = "i" + i;
            t.tweet(id, "idol", minute(t0));
            for (int f = 0; f < FANS; f++) {
                if (r.nextDouble() < 0.25) {
                    t.retweet("fan" + f, minute(t0 + 10 + logNormal(r, 150, 1.2)), id);
                }
            }
        }
        // ordinary accounts retweet ordinary posts hours later
        double[] posted = new double[ORDINARY_POSTS];
        for (int i = 0; i < ORDINARY_POSTS; i++) {
            posted[i] = START + r.nextDouble() * 30 * DAY;
            t.tweet("o" + i, "poster" + r.nextInt(POSTERS), minute(posted[i]));
        }
        for (int o = 0; o < ORDINARY; o++) {
            for (int k = 0; k < 20; k++) {
                int i = r.nextInt(ORDINARY_POSTS);
                t.retweet("user" + o, minute(posted[i] + 60 + logNormal(r, 3600, 1.5)), "o" + i);
            }
        }
        return t;
    }

    @Test
    void theBotnetIsFoundAndTheFandomIsNot() {
        for (long seed : new long[]{1}) {
            Activity a = archive(seed).build();
            assertThat(a.timeResolution()).isEqualTo(60);
            CoordinationResult result = new CoordinationDetector(CoordinationParams.defaults().withSeed(42))
                    .run(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
            int amplifiers = 0, fans = 0, others = 0;
            for (int v : result.suspiciousAccounts()) {
                String id = a.accountId(v);
                if (id.startsWith("amp")) {
                    amplifiers++;
                } else if (id.startsWith("fan") || id.equals("idol")) {
                    fans++;
                } else if (!id.startsWith("seed")) {
                    others++;
                }
            }
            assertThat(amplifiers).as("amplifiers flagged, seed %d", seed).isGreaterThanOrEqualTo(27);
            assertThat(fans).as("fans flagged, seed %d", seed).isLessThanOrEqualTo(FANS / 50);
            assertThat(others).as("ordinary accounts flagged, seed %d", seed).isZero();
        }
    }

    @Test
    void theAmplifiersShareTheirItemsButFewInsideOneWindow() {
        Activity a = archive(1).build();
        SignalGraph g = new CoRetweetSignal(CoordinationParams.defaults())
                .graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        int amplifierPairs = 0;
        Set<String> others = new TreeSet<>();
        for (CoordinationEdge e : g.edges()) {
            boolean ampS = a.accountId(e.source()).startsWith("amp"), ampT = a.accountId(e.target()).startsWith("amp");
            if (ampS && ampT) {
                amplifierPairs++;
                // the windowed cosine (the weight over the rarity) is under the gate: only the overlap passes it
            } else {
                others.add(a.accountId(e.source()));
            }
        }
        assertThat(amplifierPairs).as("amplifier pairs of %d", AMPLIFIERS * (AMPLIFIERS - 1) / 2)
                .isGreaterThanOrEqualTo(AMPLIFIERS * (AMPLIFIERS - 1) / 4);
    }
}
