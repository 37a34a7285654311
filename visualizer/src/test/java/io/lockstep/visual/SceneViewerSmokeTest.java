package io.lockstep.visual;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the real Swing viewer. Runs only with a display (CI runs it under xvfb-run) and in its own surefire
 * execution with {@code java.awt.headless=false} (see the module pom).
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class SceneViewerSmokeTest {
    @Test
    void viewerShowsCommunityColoursSearchesFiltersAndExports(@TempDir Path dir) throws Exception {
        // -Dtest=... also runs this class in the headless default execution: skip there, run in viewer-smoke
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "headless JVM");
        Scene scene = SyntheticScenes.planted(60, 3, 3, 5, 1);
        SceneViewer viewer = new SceneViewer(scene);
        viewer.open();
        try {
            BufferedImage shot = null;
            for (int attempt = 0; attempt < 40; attempt++) { // the viewer draws from its own timer
                Thread.sleep(250);
                shot = viewer.snapshot();
                if (Pixels.count(shot, Palette.community(2), 10) > 100) {
                    break;
                }
            }
            ImageIO.write(shot, "png", dir.resolve("viewer.png").toFile());
            assertThat(shot.getWidth()).isGreaterThan(800);
            assertThat(Pixels.nonWhite(shot, 0, 0, shot.getWidth() - 340, shot.getHeight())).isGreaterThan(5000);
            for (int c = 0; c < 3; c++) {
                assertThat(Pixels.count(shot, Palette.community(c), 10)).as("community %d colour", c).isGreaterThan(100);
            }
            assertThat(Pixels.count(shot, Palette.SUSPICIOUS, 12)).as("suspicious ring").isGreaterThan(20);

            // user_3 is account a3 (community 0, suspicious)
            assertThat(viewer.search("@USER_3")).contains("a3");
            assertThat(viewer.evidenceShown()).startsWith("@user_3  (a3)").contains("SUSPICIOUS", "co-retweet");
            assertThat(viewer.search("nobody")).isEmpty();

            viewer.setFilters("co-retweet", 0.5);
            // the 5 planted accounts a0, a3, a6, a9, a12 carry the signal and score >= 0.8
            assertThat(viewer.visibleIds()).containsExactly("a0", "a3", "a6", "a9", "a12");
            Path svg = dir.resolve("view.svg");
            viewer.exportSvg(svg);
            assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
                    .getElementsByTagName("circle").getLength()).isGreaterThanOrEqualTo(5);
            Path png = dir.resolve("view.png");
            viewer.exportPng(png);
            assertThat(ImageIO.read(png.toFile()).getWidth()).isGreaterThan(500);
        } finally {
            viewer.close();
        }
    }
}
