package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link AmplifiedClients} on hand-built timelines: a client c and a fellow customer d, each posting 6 times; 20
 * accounts created years apart (aged, no creation burst) follow both and retweet every post, 10 s after one another
 * (in lockstep) or 2 h apart (at their own times), with or without posts of their own and follows among themselves,
 * in an archive of a thousand other accounts.
 */
class AmplifiedClientsTest {
    private static final int AMPLIFIERS = 20;
    private static final int POSTS = 6;
    private static final long YEAR = 365L * 86_400;
    private static final int BYSTANDERS = 1_000;

    private record Farm(boolean lockstep, boolean ownPosts, boolean acquainted, boolean followClient) {
        static Farm hired() {
            return new Farm(true, false, false, true);
        }
    }

    private static Timeline timeline(Farm farm) {
        Timeline t = new Timeline().accounts("c", "d", "x");
        for (int i = 0; i < BYSTANDERS; i++) {
            t.b.account("b" + i); // the rest of the archive: what ties among the amplifiers are measured against
        }
        for (int i = 0; i < AMPLIFIERS; i++) {
            t.b.account("m" + i, "m" + i, 1_300_000_000L + YEAR * (i % 10), 0);
        }
        for (String client : List.of("c", "d")) {
            for (int k = 0; k < POSTS; k++) {
                long posted = 2_000_000_000L + 86_400L * k + (client.equals("c") ? 0 : 40_000);
                t.tweet(client + k, client, posted);
                for (int i = 0; i < AMPLIFIERS; i++) {
                    t.retweet("m" + i, posted + (farm.lockstep() ? 300 + 10L * i : 300 + 7_200L * i), client + k);
                }
            }
        }
        for (int i = 0; i < AMPLIFIERS; i++) {
            if (farm.followClient()) {
                t.b.addFollow("m" + i, "c");
                t.b.addFollow("m" + i, "d");
            }
            t.b.addFollow("m" + i, "x"); // a popular account of their past lives, followed by all
            if (farm.ownPosts()) {
                t.tweet("own" + i, "m" + i, 2_100_000_000L + 3_600L * i);
            }
            if (farm.acquainted()) {
                for (int j = 0; j < AMPLIFIERS; j++) {
                    if (j != i) {
                        t.b.addFollow("m" + i, "m" + j);
                    }
                }
            }
        }
        return t;
    }

    private static List<ClientSeeds.Seed> seeds(Activity a, int minFollowers) {
        return AmplifiedClients.seeds(a, LockstepFollowSignal.follows(a), LockstepReaders.of(a, 60, 3), 3,
                minFollowers, 0.25, 20);
    }

    @Test
    void voicelessFollowersRetweetingTheirClientsInLockstepMakeOneSeed() {
        Timeline t = timeline(Farm.hired());
        Activity a = t.build();
        List<ClientSeeds.Seed> seeds = seeds(a, 10);
        // c and d are amplified by the same 20: the second seed is the first one's accounts again
        assertThat(seeds).hasSize(1);
        ClientSeeds.Seed s = seeds.get(0);
        assertThat(s.client()).isEqualTo(Math.min(t.id("c"), t.id("d")));
        assertThat(s.followers()).hasSize(AMPLIFIERS).isSorted();
        for (int i = 0; i < AMPLIFIERS; i++) {
            assertThat(s.followers()).contains(t.id("m" + i));
        }
        // the targets: the client, its fellow customer and the account all of them follow
        assertThat(s.targets()).containsExactlyInAnyOrder(t.id("c"), t.id("d"), t.id("x")).isSorted();
        assertThat(seeds(a, AMPLIFIERS + 1)).as("a block's worth of hired accounts is needed").isEmpty();
    }

    @Test
    void anAudienceActingAtItsOwnTimesIsNoSeed() {
        assertThat(seeds(timeline(new Farm(false, false, false, true)).build(), 10)).isEmpty();
    }

    @Test
    void accountsThatAlsoPostTheirOwnLivesAreNoSeed() {
        assertThat(seeds(timeline(new Farm(true, true, false, true)).build(), 10)).isEmpty();
    }

    @Test
    void fansThatFollowOneAnotherAreNoSeed() {
        assertThat(seeds(timeline(new Farm(true, false, true, true)).build(), 10)).isEmpty();
    }

    @Test
    void accountsThatDoNotFollowWhomTheyAmplifyAreNoClientsAudience() {
        assertThat(seeds(timeline(new Farm(true, false, false, false)).build(), 10)).isEmpty();
    }

    @Test
    void parametersAreCheckedByName() {
        Activity a = timeline(Farm.hired()).build();
        DenseBlockFinder f = LockstepFollowSignal.follows(a);
        LockstepReaders r = LockstepReaders.of(a, 60, 3);
        assertThatThrownBy(() -> AmplifiedClients.seeds(a, f, r, 3, 1, 0.25, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minFollowers");
        assertThatThrownBy(() -> AmplifiedClients.seeds(a, f, r, 0, 10, 0.25, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minShared");
        assertThatThrownBy(() -> AmplifiedClients.seeds(a, f, r, 3, 10, 0, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetShare");
    }
}
