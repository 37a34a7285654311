package io.lockstep.cli;

import io.lockstep.store.StoreStatistics;
import io.lockstep.store.GraphStore;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Map;

/** {@code lockstep stats}: what the store holds, one {@code key=value} a line. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Print what the graph store holds, one key=value a line: accounts, placeholder_accounts, "
                + "posts, placeholder_posts, follows, retweets, quotes, replies, mentions, interactions, hashtags, "
                + "hashtag_uses, urls, url_uses, imports, imports_unfinished."})
public final class StatsCommand extends StoreCommand {
    @Override
    public Integer call() {
        PrintWriter out = stdout();
        try (GraphStore store = storeOptions.open()) {
            for (Map.Entry<String, Long> e : StoreStatistics.read(store).entrySet()) {
                out.println(e.getKey() + "=" + e.getValue());
            }
        }
        out.flush();
        return 0;
    }
}
