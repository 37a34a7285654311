package io.lockstep.visual.bench;

import com.sun.management.OperatingSystemMXBean;
import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.visual.Scene;
import io.lockstep.visual.SceneEdge;
import io.lockstep.visual.SceneLayout;
import io.lockstep.visual.SceneNode;
import io.lockstep.visual.SceneRenderer;
import io.lockstep.visual.SyntheticScenes;
import io.lockstep.visual.layout.ForceAtlas2;
import org.graphstream.graph.Graph;
import org.graphstream.graph.implementations.SingleGraph;
import org.graphstream.stream.GraphReplay;
import org.graphstream.ui.layout.springbox.implementations.SpringBox;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Layout and rendering benchmark (a main class, not a test). Usage:
 * {@code LayoutBenchmark [--springbox] [sizes...]}; default sizes 5000 50000. For each size: ForceAtlas2 with 1 and
 * 2 threads on the synthetic planted scene (20 communities, 3 retweets + 1 follow per account), the iteration count
 * {@link SceneLayout#forScene} uses, then a full 1600x1000 PNG render. With {@code --springbox}, GraphStream's
 * SpringBox on the first size until stabilization 0.9 (or 5,000 steps).
 */
public final class LayoutBenchmark {
    private LayoutBenchmark() {
    }

    private static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        boolean springBox = false;
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--springbox")) {
                springBox = true;
            } else {
                sizes.add(Integer.parseInt(a));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(5000, 50000);
        }
        System.out.printf(Locale.ROOT, "cores=%d, java=%s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        // warm-up on a small graph
        CompactGraph warm = SceneLayout.graphOf(SyntheticScenes.planted(2000, 10, 3, 10, 9));
        new ForceAtlas2(ForceAtlas2.Params.defaults().withIterations(100)).layout(warm, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        for (int n : sizes) {
            Scene scene = SyntheticScenes.planted(n, 20, 3, 12, 1);
            CompactGraph g = SceneLayout.graphOf(scene);
            int iterations = n <= 500 ? 600 : n <= 5000 ? 300 : 150;
            for (int threads : new int[]{1, 2}) {
                ForceAtlas2 fa2 = new ForceAtlas2(ForceAtlas2.Params.defaults().withIterations(iterations).withThreads(threads));
                long t0 = System.nanoTime();
                long cpu0 = cpuNanos();
                fa2.layout(g, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
                double s = (System.nanoTime() - t0) / 1e9;
                double cpu = (cpuNanos() - cpu0) / 1e9;
                System.out.printf(Locale.ROOT, "ForceAtlas2 n=%d m=%d iterations=%d threads=%d: wall %.2f s (%.1f ms/iteration), process CPU %.2f s, load average %.1f%n",
                        n, g.edgeCount(), iterations, threads, s, 1000 * s / iterations, cpu, loadAverage());
            }
            if (n > 5000) {
                continue; // pictures of large graphs go through OverviewBuilder (aggregation / sampling) instead
            }
            Path out = Files.createTempFile("bench", ".png");
            long t0 = System.nanoTime();
            long cpu0 = cpuNanos();
            new SceneRenderer().renderPng(scene, out, 1600, 1000);
            System.out.printf(Locale.ROOT, "render PNG 1600x1000 n=%d (layout + GraphStream drawing + frame): wall %.2f s, process CPU %.2f s, load average %.1f%n",
                    n, (System.nanoTime() - t0) / 1e9, (cpuNanos() - cpu0) / 1e9, loadAverage());
            Files.delete(out);
        }
        if (springBox) {
            int n = sizes.get(0);
            Scene scene = SyntheticScenes.planted(n, 20, 3, 12, 1);
            Graph graph = new SingleGraph("bench", false, true);
            for (SceneNode node : scene.nodes()) {
                graph.addNode(node.id());
            }
            int k = 0;
            for (SceneEdge e : scene.edges()) {
                if (graph.getNode(e.source()).hasEdgeBetween(e.target())) {
                    continue;
                }
                graph.addEdge("e" + (k++), e.source(), e.target());
            }
            SpringBox layout = new SpringBox(false, new Random(1));
            GraphReplay replay = new GraphReplay("replay");
            replay.addSink(layout);
            layout.addAttributeSink(graph);
            long t0 = System.nanoTime();
            replay.replay(graph);
            int steps = 0;
            while (layout.getStabilization() < 0.9 && steps < 5000) {
                layout.compute();
                steps++;
            }
            System.out.printf(Locale.ROOT, "SpringBox n=%d: %d steps to stabilization %.2f, wall %.2f s, load average %.1f%n", n, steps,
                    layout.getStabilization(), (System.nanoTime() - t0) / 1e9, loadAverage());
        }
    }
}
