package io.lockstep.community;

import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.TerminationFlag;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The fast local moving phase of Leiden (Traag, Waltman &amp; van Eck 2019, Algorithm A.2), also Louvain's first
 * phase when run with a queue: every vertex starts in a FIFO queue in random order; a vertex taken from the queue
 * moves to the neighbouring community (or an empty one) that raises the quality most, and when it moves, its
 * neighbours outside its new community are queued again. It stops when the queue is empty, i.e. when no single move
 * improves the quality.
 *
 * <p>The gain of moving v into community C is {@code w(v,C) − γ' vol(v) Vol(C)} (constant terms dropped), where
 * for modularity {@code vol} is the strength and {@code γ' = γ/2m}, and for CPM {@code vol} is the vertex size and
 * {@code γ' = γ}. Cost: O(m) per pass over the queue, memory O(n).
 */
final class LocalMovePhase {
    private LocalMovePhase() {
    }

    /**
     * Moves vertices of {@code g} between communities until no move improves the quality.
     *
     * @param vol   volume of each vertex (strength for modularity, size for CPM)
     * @param gamma scaled resolution γ'
     * @param comm  community of each vertex, values in {@code [0, n)}; updated in place
     * @return the number of moves made
     */
    static long run(CompactGraph g, double[] vol, double gamma, int[] comm, SplittableRandom rnd, TerminationFlag flag) {
        int n = g.nodeCount();
        double[] commVol = new double[n];
        int[] commSize = new int[n];
        for (int v = 0; v < n; v++) {
            commVol[comm[v]] += vol[v];
            commSize[comm[v]]++;
        }
        int[] empties = new int[n];
        int emptyTop = 0;
        for (int c = n - 1; c >= 0; c--) {
            if (commSize[c] == 0) {
                empties[emptyTop++] = c;
            }
        }
        int[] queue = Partitions.shuffled(n, rnd);
        boolean[] queued = new boolean[n];
        Arrays.fill(queued, true);
        int head = 0;
        int size = n;
        int tail = 0; // next free slot (queue is full at start, so tail == head)
        double[] weightTo = new double[n];
        int[] touched = new int[n];
        long moves = 0;
        long steps = 0;
        while (size > 0) {
            if ((++steps & 0xffff) == 0) {
                flag.assertRunning();
            }
            int v = queue[head];
            head = head + 1 == n ? 0 : head + 1;
            size--;
            queued[v] = false;
            int cur = comm[v];
            int touchedCount = NeighbourLabels.accumulate(g, v, comm, weightTo, touched);
            double vv = vol[v];
            commVol[cur] -= vv;
            commSize[cur]--;
            int best = cur;
            double bestGain = weightTo[cur] - gamma * vv * commVol[cur];
            for (int t = 0; t < touchedCount; t++) {
                int c = touched[t];
                if (c != cur) {
                    double gain = weightTo[c] - gamma * vv * commVol[c];
                    if (gain > bestGain) {
                        best = c;
                        bestGain = gain;
                    }
                }
                weightTo[c] = 0;
            }
            if (bestGain < 0 && commSize[cur] > 0) {
                // an empty community has gain 0: better than any available one
                best = empties[--emptyTop];
            }
            commVol[best] += vv;
            commSize[best]++;
            if (best != cur) {
                if (commSize[cur] == 0) {
                    empties[emptyTop++] = cur;
                }
                comm[v] = best;
                moves++;
                for (int i = g.start(v), end = g.end(v); i < end; i++) {
                    int u = g.target(i);
                    if (!queued[u] && comm[u] != best) {
                        queued[u] = true;
                        queue[tail] = u;
                        tail = tail + 1 == n ? 0 : tail + 1;
                        size++;
                    }
                }
            }
        }
        return moves;
    }
}
