package io.lockstep.cli;

import io.lockstep.analysis.StoreScenes;
import io.lockstep.store.GraphStore;
import io.lockstep.store.SceneQueries;
import io.lockstep.visual.Scene;
import io.lockstep.visual.SceneRenderer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code lockstep render}: pictures without a display. Without a selection it draws the overview (the community
 * graph, suspicious clusters in red); {@code --clusters} adds one picture per suspicious cluster next to it.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render the graph to PNG or SVG without a display: the community overview, or one cluster or community.")
public final class RenderCommand extends StoreCommand {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output picture, .png or .svg.")
    Path out;

    @ArgGroup(exclusive = true)
    SceneChoice choice = new SceneChoice();

    @Option(names = "--width", paramLabel = "W", defaultValue = "" + SceneRenderer.WIDTH, description = "Width in pixels (default: ${DEFAULT-VALUE}).")
    @Range(min = 200, max = 20_000)
    int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "" + SceneRenderer.HEIGHT, description = "Height in pixels (default: ${DEFAULT-VALUE}).")
    @Range(min = 200, max = 20_000)
    int height;

    @Mixin
    SizeByOption sizeBy;

    @Mixin
    LimitOption limit = new LimitOption(400);

    @Option(names = "--clusters", description = "With the overview, also write one picture per suspicious cluster (FILE-cluster-ID.ext).")
    boolean clusters;

    @Override
    public Integer call() {
        System.setProperty("java.awt.headless", "true");
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".svg")) {
            throw new IllegalArgumentException("--out must end in .png or .svg: " + out);
        }
        SceneQueries.SizeBy size = sizeBy.sizeBy();
        PrintWriter o = stdout();
        SceneRenderer renderer = new SceneRenderer();
        List<Path> written = new ArrayList<>();
        try (GraphStore store = storeOptions.open()) {
            SceneQueries queries = new SceneQueries(store);
            Scene scene;
            if (choice.chosen()) {
                scene = StoreScenes.accounts(queries.accounts(
                        new SceneQueries.Selection(choice.cluster, choice.community, null, null, limit.limit()), size));
            } else {
                scene = StoreScenes.communityGraph(queries.communityGraph(), "Overview: communities and suspicious clusters");
            }
            renderer.render(scene, out, width, height);
            written.add(out);
            if (clusters && !choice.chosen()) {
                String ext = name.substring(name.length() - 4);
                String base = out.getFileName().toString();
                base = base.substring(0, base.length() - 4);
                for (int id : queries.suspiciousClusters()) {
                    Scene c = StoreScenes.accounts(queries.accounts(
                            new SceneQueries.Selection(id, null, null, null, limit.limit()), size));
                    Path p = out.resolveSibling(base + "-cluster-" + id + ext);
                    renderer.render(c, p, width, height);
                    written.add(p);
                }
            }
        }
        written.forEach(p -> o.println("wrote " + p));
        o.flush();
        return 0;
    }

}
