package io.lockstep.simulate;

import java.util.SplittableRandom;

/** The few distributions the simulator draws from, all driven by one {@link SplittableRandom}. */
final class Distributions {
    private Distributions() {
    }

    static double gaussian(SplittableRandom rng) {
        // Box-Muller with one of the pair discarded: simple and deterministic.
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Log-normal with the given median ({@code e^mu}) and sigma. */
    static double logNormal(SplittableRandom rng, double median, double sigma) {
        return median * Math.exp(sigma * gaussian(rng));
    }

    /** Pareto with scale 1 and shape {@code alpha}, capped at {@code cap}. */
    static double pareto(SplittableRandom rng, double alpha, double cap) {
        double u = 1.0 - rng.nextDouble();
        return Math.min(cap, Math.pow(u, -1.0 / alpha));
    }

    static double exponential(SplittableRandom rng, double mean) {
        return -Math.log(1.0 - rng.nextDouble()) * mean;
    }

    /** Poisson: Knuth's product method below 30, a rounded normal approximation above. */
    static int poisson(SplittableRandom rng, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda < 30) {
            double limit = Math.exp(-lambda);
            double p = 1.0;
            int k = 0;
            do {
                k++;
                p *= rng.nextDouble();
            } while (p > limit);
            return k - 1;
        }
        return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(rng)));
    }

    /**
     * Seconds into a day (local time) following a daily rhythm: density {@code 1 + 0.8 sin(2 pi (h - 10) / 24)},
     * lowest around 04:00 and highest around 16:00.
     */
    static int dailySecond(SplittableRandom rng) {
        while (true) {
            double h = rng.nextDouble() * 24.0;
            double density = (1.0 + 0.8 * Math.sin(2.0 * Math.PI * (h - 10.0) / 24.0)) / 1.8;
            if (rng.nextDouble() < density) {
                return (int) (h * 3600.0);
            }
        }
    }
}
