package io.lockstep.community;

import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.TerminationFlag;

import java.util.SplittableRandom;

/**
 * The refinement phase of Leiden (Traag, Waltman &amp; van Eck 2019, Algorithm A.2, {@code RefinePartition} and
 * {@code MergeNodesSubset}): inside each community S of the partition P every vertex starts alone; vertices are
 * visited in random order and a vertex that is still alone and well connected to S
 * ({@code w(v, S−v) ≥ γ' vol(v)(Vol(S) − vol(v))}) joins a well-connected sub-community C of S chosen at random with
 * probability ∝ {@code exp(ΔH/θ)} among those with {@code ΔH ≥ 0} (staying alone has ΔH = 0). The result refines P
 * and its sub-communities are guaranteed to be connected.
 *
 * <p>Cost: O(m) plus one {@code exp} per candidate, memory O(n).
 */
final class RefinementPhase {
    /**
     * Below this exponent {@code Math.exp} is 0.0 (e^x is under half the smallest subnormal double, about
     * e^−745.13), so the call is skipped: the same weights, without an exp for each of the many candidates far
     * below the best.
     */
    static final double EXP_ZERO = -745.2;

    private RefinementPhase() {
    }

    /**
     * @param comm  the partition P, values in {@code [0, n)}; not modified
     * @param theta randomness θ; 0 means take the best candidate
     * @return the refined partition, values in {@code [0, n)} (each value is the id of a vertex of its sub-community)
     */
    static int[] run(CompactGraph g, double[] vol, double gamma, int[] comm, double theta, SplittableRandom rnd,
                     TerminationFlag flag) {
        int n = g.nodeCount();
        double[] commVol = new double[n];
        for (int v = 0; v < n; v++) {
            commVol[comm[v]] += vol[v];
        }
        int[] refined = new int[n];
        double[] refinedVol = new double[n];
        int[] refinedSize = new int[n];
        double[] external = new double[n]; // weight from the sub-community to the rest of its community
        for (int v = 0; v < n; v++) {
            refined[v] = v;
            refinedVol[v] = vol[v];
            refinedSize[v] = 1;
            double ext = 0;
            int c = comm[v];
            for (int i = g.start(v), e = g.end(v); i < e; i++) {
                int u = g.target(i);
                if (u != v && comm[u] == c) {
                    ext += g.weight(i);
                }
            }
            external[v] = ext;
        }
        int[] order = Partitions.shuffled(n, rnd);
        double[] weightTo = new double[n];
        int[] touched = new int[n];
        int[] candidates = new int[n];
        double[] gains = new double[n];
        for (int k = 0; k < n; k++) {
            if ((k & 0xffff) == 0xffff) {
                flag.assertRunning();
            }
            int v = order[k];
            if (refined[v] != v || refinedSize[v] != 1) {
                continue; // no longer a singleton
            }
            int s = comm[v];
            double volS = commVol[s];
            double vv = vol[v];
            if (external[v] < gamma * vv * (volS - vv)) {
                continue; // not well connected to its community
            }
            int touchedCount = 0;
            for (int i = g.start(v), e = g.end(v); i < e; i++) {
                int u = g.target(i);
                if (u == v || comm[u] != s) {
                    continue;
                }
                int r = refined[u];
                if (weightTo[r] == 0) {
                    touched[touchedCount++] = r;
                }
                weightTo[r] += g.weight(i);
            }
            int candidateCount = 0;
            double maxGain = 0;
            candidates[candidateCount] = v;
            gains[candidateCount++] = 0;
            for (int t = 0; t < touchedCount; t++) {
                int r = touched[t];
                double rv = refinedVol[r];
                if (external[r] >= gamma * rv * (volS - rv)) {
                    double gain = weightTo[r] - gamma * vv * rv;
                    if (gain >= 0) {
                        candidates[candidateCount] = r;
                        gains[candidateCount++] = gain;
                        if (gain > maxGain) {
                            maxGain = gain;
                        }
                    }
                }
            }
            int chosen = v;
            if (candidateCount > 1) {
                if (theta == 0) {
                    for (int c = 0; c < candidateCount; c++) {
                        if (gains[c] == maxGain) {
                            chosen = candidates[c];
                            break;
                        }
                    }
                } else {
                    double total = 0;
                    for (int c = 0; c < candidateCount; c++) {
                        double x = (gains[c] - maxGain) / theta;
                        gains[c] = x < EXP_ZERO ? 0 : Math.exp(x);
                        total += gains[c];
                    }
                    double r = rnd.nextDouble() * total;
                    chosen = candidates[candidateCount - 1];
                    for (int c = 0; c < candidateCount; c++) {
                        r -= gains[c];
                        if (r < 0) {
                            chosen = candidates[c];
                            break;
                        }
                    }
                }
            }
            if (chosen != v) {
                double w = weightTo[chosen];
                refined[v] = chosen;
                refinedSize[v] = 0;
                refinedSize[chosen]++;
                refinedVol[chosen] += vv;
                external[chosen] = external[chosen] + external[v] - 2 * w;
            }
            for (int t = 0; t < touchedCount; t++) {
                weightTo[touched[t]] = 0;
            }
        }
        return refined;
    }
}
