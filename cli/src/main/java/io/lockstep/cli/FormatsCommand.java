package io.lockstep.cli;

import io.lockstep.importer.Format;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code lockstep formats}: the input formats, how each is recognised, and what it maps to in the graph model. */
@Command(name = "formats", mixinStandardHelpOptions = true,
        description = {"List the input formats `import` and `analyze` read (detected from the header or first JSON "
                + "line; any of them gzipped), with what each maps to in the graph model."})
public final class FormatsCommand extends LockstepCommand {
    @Override
    public Integer call() {
        PrintWriter out = stdout();
        for (Format f : Format.values()) {
            out.println(f.id());
            out.println("  reads: " + f.description());
            out.println("  graph: " + f.graphMapping());
        }
        out.flush();
        return 0;
    }
}
