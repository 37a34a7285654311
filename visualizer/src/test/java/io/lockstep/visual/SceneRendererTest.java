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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

    /**
     * analyze draws its pictures on several threads at once: each picture must be the one a lone thread draws, pixel
     * for pixel (GraphStream keeps its fonts in a static map, filled before any drawing; the layout cache is shared).
     */
    @Test
    void picturesDrawnOnSeveralThreadsAtOnceAreThePicturesDrawnAlone() throws Exception {
        List<Scene> scenes = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            scenes.add(SyntheticScenes.planted(300 + 40 * k, 3, 4, 12, 31 + k));
        }
        List<int[]> alone = new ArrayList<>();
        for (Scene scene : scenes) {
            alone.add(pixels(new SceneRenderer().renderImage(scene, 600, 420)));
        }
        SceneRenderer shared = new SceneRenderer();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<int[]>> together = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (Scene scene : scenes) {
                    together.add(pool.submit(() -> {
                        start.await();
                        return pixels(shared.renderImage(scene, 600, 420));
                    }));
                }
            }
            start.countDown();
            for (int i = 0; i < together.size(); i++) {
                assertThat(differing(together.get(i).get(60, TimeUnit.SECONDS), alone.get(i % scenes.size())))
                        .as("pixels that differ, scene %d", i % scenes.size()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * GraphStream draws the style groups that share a z-index in an order that changes from run to run: edges of
     * different kinds and labels over other groups' nodes came out differently each time. One z-index per edge kind
     * and per node class, and labels drawn after the graph, make a scene's picture a function of the scene (to the
     * rounding of {@link #differing}).
     */
    @Test
    void aSceneDrawnTwiceIsTheSamePicture() {
        Scene scene = SyntheticScenes.planted(400, 3, 4, 12, 31);
        assertThat(new SceneRenderer().renderSvgString(scene, 600, 420))
                .isEqualTo(new SceneRenderer().renderSvgString(scene, 600, 420));
        assertThat(differing(pixels(new SceneRenderer().renderImage(scene, 600, 420)),
                pixels(new SceneRenderer().renderImage(scene, 600, 420)))).isZero();
    }

    /**
     * Pixels whose colours differ by more than one unit in a channel. Within one style group GraphStream draws the
     * edges in an order of its own, and where two semi-transparent edges of one kind cross, the blend's rounding
     * moves a channel by one (measured: 7 of 252,000 pixels); a label or node drawn in another order, or a picture
     * garbled by a race, differs by far more.
     */
    private static int differing(int[] a, int[] b) {
        assertThat(a).hasSameSizeAs(b);
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift < 32; shift += 8) {
                if (Math.abs((a[i] >>> shift & 0xff) - (b[i] >>> shift & 0xff)) > 1) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
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
