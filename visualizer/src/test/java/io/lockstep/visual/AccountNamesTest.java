package io.lockstep.visual;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountNamesTest {
    static final String BASE64 = "2MwG/P5EaZu6OXqoYL6YBQN/OsZfBX62y82QzyQa/cg=";
    static final String HEX = "f3b2c1d4e5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff00";

    @Test
    void screenNamesAreKeptAndHashesShortenedToEightCharacters() {
        assertThat(AccountNames.display("123", "alice")).isEqualTo("alice");
        assertThat(AccountNames.display(BASE64, BASE64)).isEqualTo("2MwG/P5E…");
        assertThat(AccountNames.display(BASE64, null)).isEqualTo("2MwG/P5E…");
        assertThat(AccountNames.display("42", HEX)).isEqualTo("42");
        assertThat(AccountNames.display(HEX, "")).isEqualTo("f3b2c1d4…");
        assertThat(AccountNames.display("1102693313", null)).isEqualTo("1102693313".substring(0, 8) + "…");
        assertThat(AccountNames.display("123456789", null)).isEqualTo("123456789");
        assertThat(AccountNames.mention(BASE64, null)).isEqualTo("2MwG/P5E…");
        assertThat(AccountNames.mention("1", "bob")).isEqualTo("@bob");
        // readable long labels stay; community labels stay
        assertThat(AccountNames.label("community 3 (120)")).isEqualTo("community 3 (120)");
        assertThat(AccountNames.label("averyveryverylongscreenname")).isEqualTo("averyveryverylongscreenname");
        assertThat(AccountNames.label(BASE64)).isEqualTo("2MwG/P5E…");
        assertThat(AccountNames.shortenHashes("co-retweet with " + BASE64 + ": 3 shared — 1102693313544192000, #vote_2019_campaign_today"))
                .isEqualTo("co-retweet with 2MwG/P5E…: 3 shared — 1102693313544192000, #vote_2019_campaign_today");
    }

    @Test
    void pictureLabelsNeverOverlapAndNeverShowAFullHash() {
        List<SceneNode> nodes = new ArrayList<>();
        List<SceneEdge> edges = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String id = i + BASE64.substring(2);
            nodes.add(new SceneNode(id, id, i % 3, SceneNode.NONE, false, 0, 1 + i % 7, List.of(), List.of()));
            if (i > 0) {
                edges.add(new SceneEdge(nodes.get(i - 1).id(), id, EdgeKind.RETWEET, 1));
            }
        }
        Scene scene = new Scene("many", nodes, edges);
        Placement p = SceneLayout.forScene(scene).place(scene, 600, 400);
        List<double[]> boxes = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (p.labelled()[i]) {
                double w = SceneLayout.LABEL_CHAR_W * AccountNames.label(nodes.get(i).label()).length() + 4;
                double left = p.x()[i] + p.radius()[i] + 3;
                boxes.add(new double[] {left, p.y()[i] - 7, left + w, p.y()[i] + 7});
            }
        }
        assertThat(boxes).hasSizeBetween(5, SceneLayout.MAX_LABELS);
        for (int a = 0; a < boxes.size(); a++) {
            for (int b = a + 1; b < boxes.size(); b++) {
                double[] x = boxes.get(a), y = boxes.get(b);
                assertThat(x[0] < y[2] && y[0] < x[2] && x[1] < y[3] && y[1] < x[3]).as("labels %d and %d overlap", a, b).isFalse();
            }
        }
        String svg = new SceneRenderer().renderSvgString(scene, 600, 400);
        assertThat(svg).doesNotContain(">" + nodes.get(0).id() + "<").contains("…</text>");
    }
}
