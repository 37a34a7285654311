package io.lockstep.community;

import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Asynchronous weighted label propagation.
 *
 * <p>U. N. Raghavan, R. Albert and S. Kumara, Near linear time algorithm to detect community structures in
 * large-scale networks, Phys. Rev. E 76, 036106 (2007), <a href="https://doi.org/10.1103/PhysRevE.76.036106">doi:10.1103/PhysRevE.76.036106</a>.
 *
 * <p>Every vertex starts with its own label. In each sweep the vertices are visited in a fresh random order and each
 * takes the label carrying the most edge weight among its neighbours (ties broken uniformly at random; it keeps its
 * label when that label is among the best). Sweeps stop when no label changes or after {@code maxIterations}.
 *
 * <p>Cost: O(m) per sweep with a sparse accumulator, memory O(n). Deterministic for a given seed.
 */
public final class LabelPropagation implements CommunityDetection {
    private final LabelPropagationParams params;
    private final ProgressListener progress;
    private final TerminationFlag termination;

    public LabelPropagation(LabelPropagationParams params) {
        this(params, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
    }

    public LabelPropagation(LabelPropagationParams params, ProgressListener progress, TerminationFlag termination) {
        this.params = Objects.requireNonNull(params, "params");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.termination = Objects.requireNonNull(termination, "termination");
    }

    @Override
    public CommunityResult detect(CompactGraph g) {
        Objects.requireNonNull(g, "graph");
        int n = g.nodeCount();
        int[] label = new int[n];
        for (int v = 0; v < n; v++) {
            label[v] = v;
        }
        SplittableRandom rnd = new SplittableRandom(params.seed());
        double[] weightTo = new double[n];
        int[] touched = new int[n];
        int[] best = new int[n];
        int[] order = new int[n];
        for (int v = 0; v < n; v++) {
            order[v] = v;
        }
        boolean converged = false;
        int sweeps = 0;
        progress.begin("Label propagation", params.maxIterations());
        while (sweeps < params.maxIterations()) {
            termination.assertRunning();
            sweeps++;
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            long changes = 0;
            for (int k = 0; k < n; k++) {
                int v = order[k];
                int touchedCount = 0;
                for (int i = g.start(v), e = g.end(v); i < e; i++) {
                    int u = g.target(i);
                    if (u == v) {
                        continue;
                    }
                    int l = label[u];
                    if (weightTo[l] == 0) {
                        touched[touchedCount++] = l;
                    }
                    weightTo[l] += g.weight(i);
                }
                if (touchedCount == 0) {
                    continue;
                }
                double max = 0;
                int bestCount = 0;
                boolean ownIsBest = false;
                for (int t = 0; t < touchedCount; t++) {
                    double w = weightTo[touched[t]];
                    if (w > max) {
                        max = w;
                    }
                }
                for (int t = 0; t < touchedCount; t++) {
                    int l = touched[t];
                    if (weightTo[l] == max) {
                        best[bestCount++] = l;
                        ownIsBest |= l == label[v];
                    }
                    weightTo[l] = 0;
                }
                if (!ownIsBest) {
                    label[v] = best[bestCount == 1 ? 0 : rnd.nextInt(bestCount)];
                    changes++;
                }
            }
            progress.advance(1);
            if (changes == 0) {
                converged = true;
                break;
            }
        }
        progress.end();
        int k = Partitions.compact(label);
        Partitions.bySize(label, k);
        double q = ModularityComputer.compute(g, label, 1.0, params.concurrency());
        return new CommunityResult(label, k, q, sweeps, converged, new double[]{q});
    }
}
