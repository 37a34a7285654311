package io.lockstep.coordination;

/** Tails of the Poisson distribution, P(X >= k) and P(X <= k) for X ~ Poisson(lambda), computed in log space. */
final class PoissonTail {
    private PoissonTail() {
    }

    static double upper(int k, double lambda) {
        if (k <= 0) {
            return 1.0;
        }
        if (lambda <= 0) {
            return 0.0;
        }
        if (lambda > k) {
            // the tail is large; sum the lower part instead
            double term = Math.exp(-lambda);
            double lower = term;
            for (int i = 1; i < k; i++) {
                term *= lambda / i;
                lower += term;
            }
            return Math.max(0.0, Math.min(1.0, 1.0 - lower));
        }
        double logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
        double term = Math.exp(logTerm);
        double sum = term;
        for (int i = k + 1; term > 1e-17 * sum && i < k + 10_000; i++) {
            term *= lambda / i;
            sum += term;
        }
        return Math.min(1.0, sum);
    }

    /** P(X ≤ k) for X ~ Poisson(lambda): 1 when lambda ≤ 0; summed in log space from k down. O(k) at most. */
    static double lower(int k, double lambda) {
        if (k < 0) {
            return 0.0;
        }
        if (lambda <= 0) {
            return 1.0;
        }
        if (k >= lambda) {
            return Math.max(0.0, Math.min(1.0, 1.0 - upper(k + 1, lambda)));
        }
        double logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
        double term = Math.exp(logTerm);
        double sum = term;
        for (int i = k; i > 0 && term > 1e-17 * sum; i--) {
            term *= i / lambda;
            sum += term;
        }
        return Math.min(1.0, sum);
    }

    static double logFactorial(int n) {
        if (n < 2) {
            return 0.0;
        }
        if (n < 30) {
            double s = 0;
            for (int i = 2; i <= n; i++) {
                s += Math.log(i);
            }
            return s;
        }
        // Stirling series, error < 1e-10 for n >= 30
        double x = n;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1.0 / (12 * x) - 1.0 / (360 * x * x * x);
    }
}
