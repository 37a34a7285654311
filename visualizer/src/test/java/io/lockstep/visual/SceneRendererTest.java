package io.lockstep.visual;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SceneRendererTest {
    static BufferedImage image;
    static final int W = 800, H = 560;

    @BeforeAll
    static void render(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("scene.png");
        new SceneRenderer().renderPng(Scenes.twoCommunities(), png, W, H);
        image = ImageIO.read(png.toFile());
    }

    @Test
    void pngHasTheRequestedSizeAndIsNotBlank() {
        assertThat(image.getWidth()).isEqualTo(W);
        assertThat(image.getHeight()).isEqualTo(H);
        int graphTop = SceneRenderer.TITLE_HEIGHT, graphBottom = H - 60;
        assertThat(Pixels.nonWhite(image, 0, graphTop, W, graphBottom)).isGreaterThan(2000);
    }

    @Test
    void communityColoursAndSuspiciousRedArePresent() {
        assertThat(Pixels.count(image, Palette.community(0), 8)).isGreaterThan(200);
        assertThat(Pixels.count(image, Palette.community(1), 8)).isGreaterThan(200);
        // three suspicious accounts ringed in red, inside the graph area (not only the legend swatch)
        assertThat(Pixels.count(image, Palette.SUSPICIOUS, 12, 0, SceneRenderer.TITLE_HEIGHT, W, H - 70)).isGreaterThan(60);
        // coordination edges
        assertThat(Pixels.count(image, Palette.COORDINATION, 20, 0, SceneRenderer.TITLE_HEIGHT, W, H - 70)).isGreaterThan(10);
    }

    @Test
    void titleAndLegendAreDrawn() {
        assertThat(Pixels.nonWhite(image, 0, 0, W, SceneRenderer.TITLE_HEIGHT - 3)).isGreaterThan(300);
        Frame frame = Frame.of(Scenes.twoCommunities(), W, H);
        // legend: community 0, community 1, suspicious account, retweet, follow, coordination
        assertThat(frame.legend().items()).extracting(Legend.Item::text)
                .containsExactly("community 0", "community 1", "suspicious account", "retweet", "follow", "coordination");
        Frame.Slot first = frame.slots().get(0);
        int cy = first.y() + SceneRenderer.LEGEND_ROW / 2;
        assertThat(Pixels.count(image, Palette.community(0), 8, first.x(), cy - 6, first.x() + 12, cy + 6)).isGreaterThan(60);
        Frame.Slot ring = frame.slots().get(2);
        int ry = ring.y() + SceneRenderer.LEGEND_ROW / 2;
        assertThat(Pixels.count(image, Palette.SUSPICIOUS, 12, ring.x() - 2, ry - 8, ring.x() + 14, ry + 8)).isGreaterThan(20);
        assertThat(frame.legend().caption()).isEqualTo("8 nodes, 15 edges; size: PageRank");
    }

    @Test
    void svgIsWellFormedWithOneCirclePerNodeAndOneLinePerEdge(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("scene.svg");
        new SceneRenderer().renderSvg(Scenes.twoCommunities(), svg, W, H);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("width")).isEqualTo("800");
        Element nodes = byId(doc, "nodes");
        Element edges = byId(doc, "edges");
        assertThat(nodes.getElementsByTagName("circle").getLength()).isEqualTo(8);
        int segments = 0;
        NodeList paths = edges.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            segments += ((Element) paths.item(i)).getAttribute("d").split("M", -1).length - 1;
        }
        assertThat(segments).isEqualTo(15);
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Two communities <test> & co");
        int red = 0;
        NodeList circles = nodes.getElementsByTagName("circle");
        for (int i = 0; i < circles.getLength(); i++) {
            if (((Element) circles.item(i)).getAttribute("stroke").equals(Palette.hex(Palette.SUSPICIOUS))) {
                red++;
            }
        }
        assertThat(red).isEqualTo(3);
        assertThat(Files.readString(svg)).contains("class=\"coordination\"").startsWith("<?xml");
        // one tooltip per node: name, score, signals
        assertThat(((Element) circles.item(0)).getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("alice_0 (id a0)\nscore 0.90, suspicious, cluster 7\nsignals: co-retweet");
    }

    @Test
    void renderPicksTheFormatByExtension(@TempDir Path dir) {
        assertThatThrownBy(() -> new SceneRenderer().render(Scenes.twoCommunities(), dir.resolve("x.jpg"), W, H))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".png or .svg");
        assertThatThrownBy(() -> new SceneRenderer().renderImage(Scenes.twoCommunities(), 120, 90))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The group of one part of the picture ({@code <g class="nodes">}, …). */
    private static Element byId(Document doc, String cls) {
        NodeList gs = doc.getElementsByTagName("g");
        for (int i = 0; i < gs.getLength(); i++) {
            Element g = (Element) gs.item(i);
            if (cls.equals(g.getAttribute("class"))) {
                return g;
            }
        }
        throw new AssertionError("no <g class=" + cls + ">");
    }
}
