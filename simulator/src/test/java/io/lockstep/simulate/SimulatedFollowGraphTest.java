package io.lockstep.simulate;

import io.lockstep.progress.ProgressListener;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.lockstep.simulate.SimulatorTest.each;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ordinary follow graph of the simulator as the files show it: heavy-tailed follow counts, community stars that
 * hundreds of members share, homophily, profile counts equal to the edges written, fandoms following their idols,
 * the aged farm bought second-hand (followed by the accounts of its past), a share of followerless accounts and the
 * {@code organic} preset without any operation.
 */
class SimulatedFollowGraphTest {
    @TempDir
    static Path dir;
    static Map<String, String> group = new HashMap<>();
    static Map<String, String> lang = new HashMap<>();
    static Map<String, LocalDate> created = new HashMap<>();
    static Map<String, int[]> profile = new HashMap<>();
    static Map<String, Set<String>> followees = new HashMap<>();
    static Map<String, Integer> indegree = new HashMap<>();

    @BeforeAll
    static void simulate() throws IOException {
        ScenarioConfig c = ScenarioConfig.preset("agedfarm", 4000, 2, 3L).withPostsPerAccount(2);
        Path out = dir.resolve("aged");
        new Simulator(c).write(out, ProgressListener.NONE);
        each(out.resolve("truth.csv"), r -> group.put(r.get("account_id"), r.get("group")));
        each(out.resolve("users.csv"), r -> {
            String id = r.get("userid");
            lang.put(id, r.get("account_language"));
            created.put(id, LocalDate.parse(r.get("account_creation_date")));
            profile.put(id, new int[] {Integer.parseInt(r.get("following_count")),
                    Integer.parseInt(r.get("follower_count"))});
        });
        each(out.resolve("follows.csv"), r -> {
            followees.computeIfAbsent(r.get("follower_userid"), k -> new HashSet<>()).add(r.get("followee_userid"));
            indegree.merge(r.get("followee_userid"), 1, Integer::sum);
        });
    }

    static List<String> members(String g) {
        return group.entrySet().stream().filter(e -> e.getValue().equals(g)).map(Map.Entry::getKey).sorted()
                .toList();
    }

    @Test
    void profileCountsAreTheEdgesWritten() {
        for (Map.Entry<String, int[]> e : profile.entrySet()) {
            int out = followees.getOrDefault(e.getKey(), Set.of()).size();
            assertThat(e.getValue()[0]).as("following_count of " + e.getKey()).isEqualTo(out);
            assertThat(e.getValue()[1]).as("follower_count of " + e.getKey())
                    .isGreaterThanOrEqualTo(indegree.getOrDefault(e.getKey(), 0));
        }
    }

    @Test
    void ordinaryAccountsFollowTensToHundredsWithAHeavyTail() {
        int[] counts = members("organic").stream().mapToInt(a -> followees.getOrDefault(a, Set.of()).size())
                .sorted().toArray();
        int median = counts[counts.length / 2];
        assertThat(median).isBetween(25, 60);
        assertThat(counts[counts.length * 9 / 10]).isGreaterThan(100);
        assertThat(counts[counts.length - 1]).isGreaterThan(300);
        assertThat(counts[counts.length / 10]).isGreaterThanOrEqualTo(5);
    }

    @Test
    void hundredsOfMembersShareTheStarsOfTheirCommunity() {
        int[] top = indegree.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        int organic = members("organic").size();
        // the ten most followed accounts are each followed by at least 10 % of the ordinary accounts
        assertThat(top[top.length - 10]).isGreaterThan(organic / 10);
        // and the median account by ten times fewer
        assertThat(top[top.length - 10]).isGreaterThan(10 * top[top.length / 2]);
    }

    @Test
    void mostFollowsStayInsideOnesLanguage() {
        long same = 0;
        long all = 0;
        for (String a : members("organic")) {
            for (String b : followees.getOrDefault(a, Set.of())) {
                all++;
                if (lang.get(a).equals(lang.get(b))) {
                    same++;
                }
            }
        }
        // homophily 0.85 inside the community (less in small communities), 60 % of the rest inside the language
        assertThat(same / (double) all).isGreaterThan(0.8);
    }

    @Test
    void homophilyIsAKnob() throws IOException {
        double low = sameLanguageShare(0.5);
        double high = sameLanguageShare(0.95);
        assertThat(high).isGreaterThan(low + 0.1);
    }

    static double sameLanguageShare(double homophily) throws IOException {
        ScenarioConfig c = ScenarioConfig.preset("organic", 1500, 1, 9L).withPostsPerAccount(1);
        c = c.withBackground(c.background().withHomophily(homophily).withCommunities(12));
        Path out = dir.resolve("h" + homophily);
        new Simulator(c).write(out, ProgressListener.NONE);
        Map<String, String> l = new HashMap<>();
        each(out.resolve("users.csv"), r -> l.put(r.get("userid"), r.get("account_language")));
        long[] n = new long[2];
        each(out.resolve("follows.csv"), r -> {
            n[0]++;
            if (l.get(r.get("follower_userid")).equals(l.get(r.get("followee_userid")))) {
                n[1]++;
            }
        });
        return n[1] / (double) n[0];
    }

    @Test
    void byDefaultEveryOrdinaryAccountHasAFollower() {
        assertThat(members("organic")).allMatch(a -> indegree.containsKey(a));
    }

    /**
     * With a followerless share, that share of the ordinary and fandom accounts (twice it among the newcomers of the
     * 90 days before the window) has no follower in the archive and none in its profile, while the stars, the farm
     * client and the rest of the graph stay as the same seed makes them without it.
     */
    @Test
    void aFollowerlessShareLeavesOrdinaryAccountsWithoutFollowers() throws IOException {
        ScenarioConfig c = ScenarioConfig.preset("agedfarm", 4000, 2, 3L).withPostsPerAccount(2);
        c = c.withBackground(c.background().withFollowerless(0.3));
        Path out = dir.resolve("followerless");
        new Simulator(c).write(out, ProgressListener.NONE);
        Map<String, String> g = new HashMap<>();
        Map<String, LocalDate> born = new HashMap<>();
        Map<String, Integer> profileFollowers = new HashMap<>();
        Map<String, Integer> in = new HashMap<>();
        each(out.resolve("truth.csv"), r -> g.put(r.get("account_id"), r.get("group")));
        each(out.resolve("users.csv"), r -> {
            born.put(r.get("userid"), LocalDate.parse(r.get("account_creation_date")));
            profileFollowers.put(r.get("userid"), Integer.parseInt(r.get("follower_count")));
        });
        each(out.resolve("follows.csv"), r -> in.merge(r.get("followee_userid"), 1, Integer::sum));
        LocalDate window = LocalDate.ofEpochDay(c.startEpoch() / 86_400);
        int[] old = new int[2];
        int[] recent = new int[2];
        for (Map.Entry<String, String> e : g.entrySet()) {
            if (!e.getValue().equals("organic") && !e.getValue().startsWith("fandom")) {
                continue;
            }
            boolean none = !in.containsKey(e.getKey());
            if (none) {
                assertThat(profileFollowers.get(e.getKey())).as("follower_count of " + e.getKey()).isZero();
            }
            int[] bucket = born.get(e.getKey()).isAfter(window.minusDays(90)) ? recent : old;
            bucket[0]++;
            bucket[1] += none ? 1 : 0;
        }
        assertThat(old[1] / (double) old[0]).isCloseTo(0.3, Offset.offset(0.03));
        assertThat(recent[0]).isGreaterThan(100);
        assertThat(recent[1] / (double) recent[0]).isCloseTo(0.6, Offset.offset(0.08));
        // the same seed draws the same roles (ids differ: an information-operations file hashes small accounts' ids),
        // and the accounts everyone follows are still followed
        assertThat(counts(g)).isEqualTo(counts(group));
        assertThat(in.values().stream().mapToInt(Integer::intValue).max().orElseThrow())
                .isGreaterThan(members("organic").size() / 10);
    }

    static Map<String, Long> counts(Map<String, String> groups) {
        Map<String, Long> out = new HashMap<>();
        groups.values().forEach(v -> out.merge(v, 1L, Long::sum));
        return out;
    }

    @Test
    void fansAllFollowTheirIdols() {
        List<String> fans = members("fandom-1");
        Set<String> common = new HashSet<>(followees.get(fans.get(0)));
        fans.forEach(f -> common.retainAll(followees.get(f)));
        assertThat(common).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theAgedFarmWasCreatedOverYearsAndStillSharesItsClientAndTargets() {
        List<String> farm = members("aged-farm-1");
        assertThat(farm).hasSize(ScenarioConfig.preset("agedfarm", 4000, 2, 3L).farm().size());
        LocalDate first = farm.stream().map(created::get).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = farm.stream().map(created::get).max(LocalDate::compareTo).orElseThrow();
        assertThat(first.plusYears(2)).isBefore(last);
        Set<String> common = new HashSet<>(followees.get(farm.get(0)));
        farm.forEach(f -> common.retainAll(followees.get(f)));
        assertThat(common).as("the client").hasSize(1);
        // each member follows the client plus 12 pool targets next to the follows of its past
        for (String f : farm) {
            assertThat(followees.get(f).size()).isGreaterThanOrEqualTo(13);
        }
        // and most are still followed by accounts of that past, fewer than an ordinary account
        assertThat(farm.stream().filter(indegree::containsKey).count()).isGreaterThanOrEqualTo(farm.size() * 9L / 10);
        double agedMean = farm.stream().mapToInt(f -> indegree.getOrDefault(f, 0)).average().orElseThrow();
        double ordinaryMean = members("organic").stream().mapToInt(f -> indegree.getOrDefault(f, 0)).average()
                .orElseThrow();
        assertThat(agedMean).isGreaterThan(1).isLessThan(ordinaryMean);
        assertThat(group.values()).doesNotContain("farm-1").contains("aged-farm-1");
    }

    @Test
    void theOrganicPresetPlantsNoOperation() {
        ScenarioConfig c = ScenarioConfig.preset("organic", 2000, 3, 1L);
        assertThat(c.botnets() + c.farms() + c.agedFarms() + c.linkRings()).isZero();
        assertThat(c.fandoms()).isEqualTo(1);
        assertThat(c.newsBursts()).isEqualTo(1);
    }

    @Test
    void communitySizesFollowZipfUnderTheCap() {
        double[] shares = Simulator.communityShares(50, 0.9, 0.05);
        assertThat(Arrays.stream(shares).sum()).isCloseTo(1.0, Offset.offset(1e-9));
        assertThat(Arrays.stream(shares).max().orElseThrow()).isLessThanOrEqualTo(0.05 + 1e-12);
        for (int i = 1; i < shares.length; i++) {
            assertThat(shares[i]).isLessThanOrEqualTo(shares[i - 1] + 1e-12);
        }
        assertThat(shares[49]).isGreaterThan(0.005);
        // 100k accounts: automatic count 200, none above 5,000 members
        int k = ScenarioConfig.defaultBackground().communityCount(100_000);
        assertThat(k).isEqualTo(200);
        double[] big = Simulator.communityShares(k, 0.9, 5000 / 100_000.0);
        assertThat(Arrays.stream(big).max().orElseThrow() * 100_000).isLessThanOrEqualTo(5000 + 1e-6);
        assertThat(Arrays.stream(big).min().orElseThrow() * 100_000).isGreaterThanOrEqualTo(10);
    }

    @Test
    void badBackgroundsAreRejectedByName() {
        ScenarioConfig.Background b = ScenarioConfig.defaultBackground();
        assertThatThrownBy(() -> b.withHomophily(1.2)).hasMessageContaining("homophily");
        assertThatThrownBy(() -> b.withPopularityExponent(0.1)).hasMessageContaining("popularityExponent");
        assertThatThrownBy(() -> b.withCommunities(-1)).hasMessageContaining("communities");
        assertThatThrownBy(() -> b.withFollows(0, 1)).hasMessageContaining("followsMedian");
        assertThatThrownBy(() -> b.withFollowerless(0.95)).hasMessageContaining("followerless");
        assertThatThrownBy(() -> ScenarioConfig.preset("nonsense", 1000, 1, 1)).hasMessageContaining("organic");
    }
}
