package io.lockstep.visual;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimelinePlotTest {
    @Test
    void coordinatedMinuteIsRedAndOthersGrey() {
        int[] posts = new int[10], coord = new int[10];
        Arrays.fill(posts, 4);
        posts[5] = 10;
        coord[5] = 10;
        BufferedImage img = TimelinePlot.draw(new ReportModel.MinuteSeries(1_709_370_000L, posts, coord), "t", 400, 200);
        assertThat(img.getWidth()).isEqualTo(400);
        // plot spans x 44..388: minute 5 covers [44 + 5*34.4, 44 + 6*34.4) = [216, 250)
        assertThat(Pixels.count(img, TimelinePlot.COORDINATED, 4, 216, 28, 250, 164)).isGreaterThan(30 * 100);
        assertThat(Pixels.count(img, TimelinePlot.COORDINATED, 4, 44, 28, 210, 164)).isZero();
        assertThat(Pixels.count(img, TimelinePlot.POSTS, 4, 44, 28, 210, 164)).isGreaterThan(5 * 30 * 40);
    }

    @Test
    void seriesMustBeConsistent() {
        assertThatThrownBy(() -> new ReportModel.MinuteSeries(0, new int[]{1}, new int[]{2})).hasMessageContaining("minute 0");
        assertThatThrownBy(() -> new ReportModel.MinuteSeries(0, new int[]{1}, new int[]{0, 0})).hasMessageContaining("differ");
    }
}
