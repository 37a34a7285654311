package io.lockstep.coordination;

/** The upper tail of the binomial distribution, P(X ≥ k) for X ~ Binomial(n, p), summed in log space. */
final class BinomialTail {
    private BinomialTail() {
    }

    /**
     * P(X ≥ k) for X ~ Binomial(n, p): 1 when k ≤ 0, 0 when k > n; p = 1 gives 1 for every k ≤ n. The terms from k
     * upwards are summed from the largest, stopping once they no longer change the sum. O(n − k) at most.
     */
    static double upper(int n, int k, double p) {
        if (k <= 0) {
            return 1.0;
        }
        if (k > n || p <= 0) {
            return 0.0;
        }
        if (p >= 1) {
            return 1.0;
        }
        if (k <= n * p) {
            // the tail holds the mode: sum the lower part instead
            double lower = 0;
            for (int i = k - 1; i >= 0; i--) {
                double term = Math.exp(logTerm(n, i, p));
                lower += term;
                if (i < n * p && term < 1e-17 * lower) {
                    break;
                }
            }
            return Math.max(0.0, Math.min(1.0, 1.0 - lower));
        }
        // above the mode the terms fall from the first one: sum until they stop counting
        double first = logTerm(n, k, p);
        double sum = 1;
        double ratio = p / (1 - p);
        double term = 1;
        for (int i = k; i < n; i++) {
            term *= ratio * (n - i) / (i + 1.0);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return Math.min(1.0, Math.exp(first + Math.log(sum)));
    }

    private static double logTerm(int n, int i, double p) {
        return PoissonTail.logFactorial(n) - PoissonTail.logFactorial(i) - PoissonTail.logFactorial(n - i)
                + i * Math.log(p) + (n - i) * Math.log1p(-p);
    }
}
