package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Growth's members created within the seed's creation burst ({@code Growth#followers}): an account created in the
 * burst's span that follows at least the light floor of the block's targets is judged as the burst's members are,
 * without the {@code minTargets} floor and at the uncorrected tail.
 */
class BurstSpanMembersTest {
    private static final int CLIENTS = 8;

    /**
     * The eight homophilous communities with a burst farm of 60 accounts made in two days, each following 2–5 of 8
     * clients that also have {@code readers} ordinary readers each in community 0, and a sign-up wave of 40
     * ordinary accounts made in the same two days, each following accounts of community 1 and one of its members
     * ranked 5–9.
     */
    private record Farm(Activity activity, List<String> farm, List<String> wave, List<String> clients) {
        static Farm build(int readers) {
            FollowGraphs gen = FollowNullModelTest.eightCommunities(13);
            List<String> farm = gen.burstClientFarm(60, CLIENTS, 2, 5, 0, readers);
            List<String> clients = new ArrayList<>();
            for (int k = 0; k < CLIENTS; k++) {
                clients.add("bc" + k);
            }
            List<String> wave = gen.signupWave(40, 1, List.of("c1m5", "c1m6", "c1m7", "c1m8", "c1m9"));
            return new Farm(gen.build(), farm, wave, clients);
        }
    }

    private static int[] ids(Activity a, List<String> names) {
        return names.stream().mapToInt(x -> LockstepFollowSignalTest.indexOf(a, x)).sorted().toArray();
    }

    private static long[] created(Activity a) {
        long[] out = new long[a.accountCount()];
        for (int v = 0; v < out.length; v++) {
            out[v] = a.accountCreated(v);
        }
        return out;
    }

    /**
     * The farm seen through one client's audience (the members following bc0, all made in the two days), its
     * clients read by five ordinary accounts each: with the clients as targets, growth's follower step admits
     * members of the farm that do not follow bc0 which the same step without creation times leaves out (light
     * members, judged at the corrected tail), every account it admits is the farm's, and none of the wave made in
     * the same days (it follows no client).
     */
    @Test
    void membersCreatedInTheBurstsSpanAreJudgedAsTheBurstsMembers() {
        Farm f = Farm.build(5);
        Activity a = f.activity();
        int n = a.accountCount();
        DenseBlockFinder finder = LockstepFollowSignal.follows(a);
        LockstepFollowSignal.Models model = LockstepFollowSignal.Models.fit(finder, n,
                CoordinationParams.defaults().seed());
        LockstepFollowSignal signal = new LockstepFollowSignal(CoordinationParams.defaults());
        LockstepFollowSignal.Growth growth = signal.new Growth(finder, model, n, created(a));
        LockstepFollowSignal.Growth timeless = signal.new Growth(finder, model, n);
        int[] ts = ids(a, f.clients());
        int bc0 = LockstepFollowSignalTest.indexOf(a, "bc0");
        List<String> viaClient = new ArrayList<>();
        for (String m : f.farm()) {
            if (finder.follows(LockstepFollowSignalTest.indexOf(a, m), bc0)) {
                viaClient.add(m);
            }
        }
        assertThat(viaClient).hasSizeBetween(15, 45);
        int[] burst = ids(a, viaClient);
        assertThat(growth.burstStart(burst)).isNotEqualTo(Activity.NO_TIME);
        assertThat(timeless.burstStart(burst)).isEqualTo(Activity.NO_TIME);

        List<String> admitted = LockstepFollowSignalTest.names(a, growth.followers(ts, burst, new boolean[n], burst));
        List<String> without = LockstepFollowSignalTest.names(a, timeless.followers(ts, burst, new boolean[n], burst));
        assertThat(admitted).isSubsetOf(f.farm()).doesNotContainAnyElementsOf(f.wave());
        assertThat(without).isSubsetOf(admitted);
        List<String> bySpan = new ArrayList<>(admitted);
        bySpan.removeAll(without);
        assertThat(bySpan).isNotEmpty().doesNotContainAnyElementsOf(viaClient);
    }

    /**
     * The whole signal on that archive, its clients followed by the farm alone: the farm's blocks hold at least 57
     * of the 60 and no other account (the wave made in the same days included).
     */
    @Test
    void theSignalFindsTheFarmAndLeavesTheWaveOut() {
        Farm f = Farm.build(0);
        Activity a = f.activity();
        SignalGraph g = new LockstepFollowSignal(CoordinationParams.defaults())
                .graph(a, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        Set<String> inBlocks = new HashSet<>();
        for (DenseBlock b : g.blocks()) {
            inBlocks.addAll(LockstepFollowSignalTest.names(a, b.followers()));
        }
        Set<String> farm = new HashSet<>(f.farm());
        assertThat(inBlocks.stream().filter(farm::contains).count()).as(FollowNullModelTest.describe(a, g))
                .isGreaterThanOrEqualTo(57);
        assertThat(inBlocks).as(FollowNullModelTest.describe(a, g)).isSubsetOf(farm);
    }
}
