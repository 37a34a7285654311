package io.lockstep.visual;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OverviewBuilderTest {
    @Test
    void communityGraphHasOneNodePerCommunityAndOneRedNodePerSuspiciousCluster() {
        Scene o = OverviewBuilder.communityGraph(Scenes.twoCommunities(), "Overview");
        assertThat(o.nodes()).extracting(SceneNode::id).containsExactly("community:0", "community:1", "cluster:7");
        assertThat(o.nodes()).extracting(SceneNode::size).containsExactly(4.0, 4.0, 3.0);
        SceneNode cluster = o.nodes().get(2);
        assertThat(cluster.suspicious()).isTrue();
        assertThat(cluster.community()).isEqualTo(SceneNode.NONE);
        assertThat(cluster.score()).isEqualTo(0.9);
        assertThat(cluster.signals()).containsExactly("co-retweet");
        assertThat(o.edges()).containsExactlyInAnyOrder(
                new SceneEdge("cluster:7", "community:0", EdgeKind.COORDINATION, 3),
                new SceneEdge("community:0", "community:1", EdgeKind.FOLLOW, 1));
        assertThat(o.sizeLabel()).isEqualTo("members");
    }

    @Test
    void cappedKeepsTheMostConnectedMembersFirstAndCoordinationEdgesFirst() {
        Scene all = Scenes.twoCommunities();
        assertThat(OverviewBuilder.capped(all, 7, 8, 15, "same")).isSameAs(all);
        // 3 nodes: the cluster's members a0, a1, a2 (a1 has the most weight); 2 edges: both coordination edges
        Scene c = OverviewBuilder.capped(all, 7, 3, 2, "capped");
        assertThat(c.title()).isEqualTo("capped");
        assertThat(c.nodes()).extracting(SceneNode::id).containsExactly("a0", "a1", "a2");
        assertThat(c.edges()).extracting(SceneEdge::kind).containsOnly(EdgeKind.COORDINATION).hasSize(2);
        // 4 nodes: the members, then the most connected other node, a3 (three retweet edges and the follow)
        assertThat(OverviewBuilder.capped(all, 7, 4, 100, "c").nodes()).extracting(SceneNode::id).containsExactly("a0", "a1", "a2", "a3");
        assertThatThrownBy(() -> OverviewBuilder.capped(all, 7, 0, 1, "x")).hasMessageContaining("maxNodes");
    }

    @Test
    void clusterSceneKeepsMembersAndStrongestNeighbours() {
        Scene c = OverviewBuilder.cluster(Scenes.twoCommunities(), 7, 1, "Cluster 7");
        // a3 pulls 2+2+2 = 6 from the cluster; it is the only neighbour
        assertThat(c.nodes()).extracting(SceneNode::id).containsExactly("a0", "a1", "a2", "a3");
        assertThat(c.edges()).hasSize(6 + 2);
        assertThatThrownBy(() -> OverviewBuilder.cluster(Scenes.twoCommunities(), 99, 5, "x"))
                .hasMessageContaining("no account in cluster 99");
    }

    @Test
    void clusterIndexGivesTheScenesOfClusterForEveryClusterAndNeighbourCount() {
        Scene accounts = Scenes.twoCommunities();
        OverviewBuilder.ClusterIndex index = new OverviewBuilder.ClusterIndex(accounts);
        Set<Integer> clusters = new TreeSet<>();
        accounts.nodes().forEach(n -> clusters.add(n.cluster()));
        clusters.remove(SceneNode.NONE);
        assertThat(clusters).isNotEmpty();
        for (int c : clusters) {
            for (int neighbours = 0; neighbours <= 4; neighbours++) {
                assertThat(index.cluster(c, neighbours, "t")).isEqualTo(OverviewBuilder.cluster(accounts, c, neighbours, "t"));
            }
        }
        assertThatThrownBy(() -> index.cluster(99, 5, "x")).hasMessageContaining("no account in cluster 99");
    }

    @Test
    void topAccountsKeepsTheLargestPerCommunityAndAllSuspicious() {
        Scene s = OverviewBuilder.topAccounts(Scenes.twoCommunities(), 1, "top");
        // community 0: a3 is largest (size 4); a0..a2 suspicious; community 1: b0..b3 tie at 2, b0 first by id
        assertThat(s.nodes()).extracting(SceneNode::id).containsExactly("a0", "a1", "a2", "a3", "b0");
        assertThat(s.edges()).extracting(e -> e.source() + "-" + e.target())
                .contains("a3-b0", "a0-a1").doesNotContain("b0-b1");
    }

    @Test
    void sceneRejectsDanglingEdgesAndDuplicateIds() {
        assertThatThrownBy(() -> new Scene("x", List.of(SceneNode.of("a", "a", 0, 1)), List.of(new SceneEdge("a", "b", EdgeKind.FOLLOW, 1))))
                .hasMessageContaining("not in the scene");
        assertThatThrownBy(() -> new Scene("x", List.of(SceneNode.of("a", "a", 0, 1), SceneNode.of("a", "b", 0, 1)), List.of()))
                .hasMessageContaining("duplicate node id a");
        assertThatThrownBy(() -> new SceneEdge("a", "b", EdgeKind.FOLLOW, 0)).hasMessageContaining("weight");
        assertThat(EdgeKind.parse("Coordination")).isEqualTo(EdgeKind.COORDINATION);
        assertThatThrownBy(() -> EdgeKind.parse("like")).hasMessageContaining("retweet, follow or coordination");
    }
}
