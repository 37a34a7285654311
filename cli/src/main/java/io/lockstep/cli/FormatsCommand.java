package io.lockstep.cli;

import io.lockstep.importer.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code lockstep formats}: the input formats, how each is recognised, and what it maps to in the graph model. */
@Command(name = "formats", mixinStandardHelpOptions = true,
        description = {"List the input formats `import` and `analyze` read (detected from the header or first JSON "
                + "line; any of them gzipped), with what each maps to in the graph model."})
public final class FormatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Format f : Format.values()) {
            out.println(f.id());
            out.println("  reads: " + f.description());
            out.println("  graph: " + f.graphMapping());
        }
        out.flush();
        return 0;
    }
}
