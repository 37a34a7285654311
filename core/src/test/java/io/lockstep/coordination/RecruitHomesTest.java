package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Growth's member test with the recruits' second placement ({@code Growth#followers},
 * {@link LockstepFollowSignal#homesForRecruits}) on a hand-built graph: the eight homophilous communities; a follower
 * service's pool of 60 accounts created one every three days, followed by nobody, each following four of six
 * accounts of community 3 ranked 20–25 there (the service's clients, with their own audience) and ten random
 * accounts among the 100 most popular of every community (camouflage); and 30 newcomers of community 3, followed by
 * nobody either, each following four of the same six accounts and ten other popular accounts of community 3.
 */
class RecruitHomesTest {
    private static final int CLIENT_COMMUNITY = 3;

    private record Archive(Activity activity, List<String> pool, List<String> newcomers, List<String> clients) {
        static Archive build() {
            FollowGraphs gen = FollowNullModelTest.eightCommunities(11);
            List<String> clients = new ArrayList<>();
            for (int k = 20; k < 26; k++) {
                clients.add(FollowGraphs.member(CLIENT_COMMUNITY, k));
            }
            List<String> everyone = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                for (int k = 0; k < 100; k++) {
                    everyone.add(FollowGraphs.member(c, k));
                }
            }
            Random r = new Random(7);
            List<String> pool = clientsFollowers(gen, "pool", 60, 200, 3, clients,
                    () -> everyone.get(r.nextInt(everyone.size())), r);
            List<String> newcomers = clientsFollowers(gen, "new", 30, 150, 4, clients,
                    () -> FollowGraphs.member(CLIENT_COMMUNITY, 30 + r.nextInt(70)), r);
            return new Archive(gen.build(), pool, newcomers, clients);
        }

        /**
         * {@code count} accounts {@code prefix<i>}, created {@code daysAgo} days ago and one every {@code every} days
         * after, each following four of {@code clients} and ten accounts drawn from {@code other}.
         */
        private static List<String> clientsFollowers(FollowGraphs gen, String prefix, int count, int daysAgo,
                                                     int every, List<String> clients, Supplier<String> other,
                                                     Random r) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = prefix + i;
                out.add(id);
                gen.t.b.account(id, id, FollowGraphs.NOW - (long) daysAgo * FollowGraphs.DAY
                        + (long) i * every * FollowGraphs.DAY, 0);
                List<String> queue = new ArrayList<>(clients);
                Collections.shuffle(queue, r);
                for (int k = 0; k < 4; k++) {
                    gen.t.b.addFollow(id, queue.get(k));
                }
                for (int k = 0; k < 10; k++) {
                    gen.t.b.addFollow(id, other.get());
                }
            }
            return out;
        }
    }

    private static int[] ids(Activity a, List<String> names) {
        return names.stream().mapToInt(x -> LockstepFollowSignalTest.indexOf(a, x)).sorted().toArray();
    }

    /**
     * From ten of the pool's accounts, with the six clients as targets: the coarsest partition places most of the
     * pool with its clients (their follows of the clients are its only concentration), where the clients' audience
     * explains them, and the member test placed by the partition admits at most one of the other 50; placed by their
     * follows outside the clients (the camouflage, spread over the communities), most of them (40 of the 50 with
     * this seed; asserted: 35) are unexplained and join. The newcomers, placed by their other follows in community 3 as by the partition, stay explained
     * either way, and no ordinary account joins.
     */
    @Test
    void aPoolPlacedWithItsClientsIsRecruitedWhereItsOtherFollowsGo() {
        Archive s = Archive.build();
        Activity a = s.activity();
        int n = a.accountCount();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        LockstepFollowSignal.Models model = LockstepFollowSignal.Models.fit(finder, n,
                CoordinationParams.defaults().seed());
        int[] ts = ids(a, s.clients());
        int[] pool = ids(a, s.pool());
        int[] coarsest = model.partitions(n).get(0);
        int withClients = 0;
        for (int v : pool) {
            withClients += coarsest[v] == coarsest[ts[0]] ? 1 : 0;
        }
        assertThat(withClients).isGreaterThan(pool.length / 2);

        LockstepFollowSignal.Growth growth = new LockstepFollowSignal(CoordinationParams.defaults())
                .new Growth(finder, model, n);
        int[] seed = ids(a, s.pool().subList(0, 10));
        List<String> byPartition = LockstepFollowSignalTest.names(a,
                growth.followers(ts, seed, new boolean[n], new int[0]));
        growth.placeRecruitsByOtherFollows(true);
        List<String> byHome = LockstepFollowSignalTest.names(a, growth.followers(ts, seed, new boolean[n], new int[0]));

        assertThat(byPartition.size()).isLessThanOrEqualTo(1);
        assertThat(s.pool()).containsAll(byHome);
        assertThat(byHome).containsAll(byPartition);
        assertThat(byHome.stream().filter(f -> !s.pool().subList(0, 10).contains(f)).count())
                .isGreaterThanOrEqualTo(35);
        assertThat(byHome).doesNotContainAnyElementsOf(s.newcomers());
    }
}
