package io.lockstep.cli;

import io.lockstep.analysis.StoreScenes;
import io.lockstep.store.GraphStore;
import io.lockstep.store.SceneQueries;
import io.lockstep.visual.Scene;
import io.lockstep.visual.SceneViewer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.awt.GraphicsEnvironment;
import java.util.concurrent.CancellationException;

/** {@code lockstep view}: the interactive viewer (needs a display). */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = "Open the interactive viewer: click a node for its evidence, filter by signal and score, search, export.")
public final class ViewCommand extends StoreCommand {
    /** The shared choice, or a hashtag's accounts, or one account. */
    static final class Choice extends SceneChoice {
        @Option(names = "--hashtag", paramLabel = "TAG", description = "The accounts that posted this hashtag.")
        String hashtag;

        @Option(names = "--account", paramLabel = "NAME", description = "One account (screen name or id) and its partners.")
        String account;
    }

    @ArgGroup(exclusive = true)
    Choice choice = new Choice();

    @Mixin
    SizeByOption sizeBy;

    @Mixin
    LimitOption limit = new LimitOption(2000);

    @Override
    public Integer call() throws Exception {
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalArgumentException("no display for the viewer: set DISPLAY, or use 'lockstep render --out FILE.png'");
        }
        SceneQueries.SizeBy size = sizeBy.sizeBy();
        Scene scene;
        try (GraphStore store = storeOptions.open()) {
            scene = StoreScenes.accounts(new SceneQueries(store).accounts(new SceneQueries.Selection(choice.cluster,
                    choice.community, choice.hashtag, choice.account, limit.limit()), size));
        }
        stdout().println("showing " + scene.nodes().size() + " accounts and " + scene.edges().size()
                + " edges; close the window to quit");
        stdout().flush();
        SceneViewer viewer = new SceneViewer(scene);
        viewer.open();
        try {
            viewer.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            viewer.close();
            throw new CancellationException("interrupted");
        }
        return 0;
    }
}
