package io.lockstep.visual;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineChartTest {
    @Test
    void eachSeriesIsDrawnInItsColourWhereItsPointsLie(@TempDir Path dir) throws Exception {
        List<LineChart.Series> series = List.of(
                new LineChart.Series("all", List.of(new LineChart.Point(0, 0.8), new LineChart.Point(1, 0.2))),
                new LineChart.Series("delay", List.of(new LineChart.Point(0, 0.5), new LineChart.Point(1, 0.5))));
        Path png = dir.resolve("chart.png");
        LineChart.writePng(series, "title", "difficulty", "F1", png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(800);
        assertThat(img.getHeight()).isEqualTo(500);
        int plotHeight = LineChart.HEIGHT - LineChart.TOP - LineChart.BOTTOM;
        int yAll = LineChart.TOP + plotHeight - (int) Math.round(0.8 * plotHeight);
        assertThat(img.getRGB(LineChart.LEFT, yAll) & 0xffffff).isEqualTo(LineChart.COLOURS[0].getRGB() & 0xffffff);
        int yDelay = LineChart.TOP + plotHeight - (int) Math.round(0.5 * plotHeight);
        // the flat 'delay' line: at least one full row of its colour across 300 pixels, none of it 20 pixels off
        assertThat(Pixels.count(img, LineChart.COLOURS[1], 4, LineChart.LEFT + 100, yDelay - 2, LineChart.LEFT + 400,
                yDelay + 3)).isGreaterThanOrEqualTo(300);
        assertThat(Pixels.count(img, LineChart.COLOURS[1], 4, LineChart.LEFT + 100, yDelay - 22, LineChart.LEFT + 400,
                yDelay - 18)).isZero();
        // the line of 'all' falls from 0.8 to 0.2: nothing of it near the top right
        assertThat(Pixels.count(img, LineChart.COLOURS[0], 4, LineChart.WIDTH - LineChart.RIGHT - 60, LineChart.TOP,
                LineChart.WIDTH - LineChart.RIGHT - 1, yAll)).isZero();
    }

    @Test
    void aPointOffTheUnitSquareIsRefusedByItsCoordinates() {
        assertThatThrownBy(() -> new LineChart.Point(0.5, 1.5)).hasMessage("a point must lie in [0, 1] x [0, 1], got (0.5, 1.5)");
    }
}
