package io.lockstep.cli;

import io.lockstep.store.GraphExport;
import io.lockstep.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.nio.file.Path;

/** {@code lockstep export}: the account graph as GraphML, GEXF or a CSV edge list, for Gephi. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the account graph for Gephi and other tools: accounts (with screen name, community, "
                + "pagerank, cluster, score, suspicious) and weighted edges of kind follows, retweets, mentions, "
                + "interacts, coordinated."})
public final class ExportCommand extends StoreCommand {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "graphml",
            description = "graphml, gexf, csv (the account graph) or coortweet (one row per retweet or quote: "
                    + "object_id,account_id,content_id,timestamp_share, CooRTweet's input layout) "
                    + "(default: ${DEFAULT-VALUE}).")
    GraphExport.ExportFormat format;

    @Option(names = "--suspicious-only", description = "Only accounts marked suspicious by analyze or detect, and their edges.")
    boolean suspiciousOnly;

    @Option(names = "--flagged", description = "The suspicious and clustered accounts and each one's "
            + GraphExport.Scope.CONTEXT + " strongest neighbours, as analyze writes graph.graphml.")
    boolean flagged;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Output file.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (suspiciousOnly && flagged) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--suspicious-only and --flagged exclude each other");
        }
        GraphExport.Scope scope = flagged ? GraphExport.Scope.FLAGGED_AND_CONTEXT
                : suspiciousOnly ? GraphExport.Scope.SUSPICIOUS : GraphExport.Scope.ALL;
        try (GraphStore store = storeOptions.open()) {
            GraphExport.ExportStats stats = GraphExport.export(store, format, scope, out);
            if (format == GraphExport.ExportFormat.COORTWEET) {
                stdout().printf("wrote %,d shares by %,d accounts to %s%n", stats.edges(),
                        stats.nodes(), out);
            } else {
                stdout().printf("wrote %,d accounts and %,d edges to %s%n", stats.nodes(),
                        stats.edges(), out);
            }
            stdout().flush();
        }
        return 0;
    }
}
