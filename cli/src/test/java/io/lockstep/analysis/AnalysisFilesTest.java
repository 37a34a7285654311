package io.lockstep.analysis;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysisFilesTest {
    @Test
    void decimalsAreWhatFormatWrites() {
        double[] edges = {0, -0.0, 1, 0.5, 0.12345, 0.00005, 0.00015, 0.99995, 4.35, 0.1 + 0.2, 1e-9, 2.5e-5,
                123456.78915, 1e20, -0.00001, -1.23456, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE};
        for (double v : edges) {
            assertThat(AnalysisFiles.decimal(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.4f", v));
        }
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            // uniform values, five-decimal values (ties at the fifth), and exact ties x.xxxx5
            double v = switch (i % 3) {
                case 0 -> random.nextDouble() * (i % 2 == 0 ? 1 : 1000);
                case 1 -> Math.round(random.nextDouble() * 100_000) / 100_000.0;
                default -> (random.nextInt(2_000_000) + 0.5) / 10_000.0;
            };
            assertThat(AnalysisFiles.decimal(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.4f", v));
        }
        assertThat(AnalysisFiles.decimal(0.12345)).isEqualTo("0.1235");
        assertThat(AnalysisFiles.decimal(-0.0)).isEqualTo("-0.0000");
    }
}
