package io.lockstep.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@code lockstep} command: finds coordinated accounts, campaigns and communities in influence networks. */
@Command(name = "lockstep", mixinStandardHelpOptions = true, version = "lockstep 0.1.0",
        description = "Graph analytics for influence networks: coordination, campaigns, communities.",
        subcommands = {AnalyzeCommand.class, DetectCommand.class, ImportCommand.class, StatsCommand.class, ExportCommand.class,
                FormatsCommand.class,
                CommunitiesCommand.class, RenderCommand.class, ViewCommand.class,
                SimulateCommand.class, EvaluateCommand.class, DemoCommand.class, ServerCommand.class,
                CommandLine.HelpCommand.class})
public final class Lockstep implements Runnable {
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger GRAPHSTREAM_LOG = Logger.getLogger("org.graphstream");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        return configured(new Lockstep());
    }

    /**
     * {@code command} parsed and run as the CLI does: enum values in any case, number options checked against their
     * {@link Range}s before the command runs, failures as one line.
     */
    public static CommandLine configured(Object command) {
        CommandLine cmd = new CommandLine(command);
        cmd.setExecutionExceptionHandler(new OneLineErrors());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionStrategy(parsed -> {
            Checks.ranges(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        return cmd;
    }

    public static void main(String[] args) {
        // Only the interactive viewer needs a display; everything else renders headless, also on a desktop.
        if (args.length == 0 || !args[0].equals("view")) {
            System.setProperty("java.awt.headless", "true");
        }
        // GraphStream reports every image it writes through java.util.logging; keep the console for our output.
        GRAPHSTREAM_LOG.setLevel(Level.WARNING);
        System.exit(commandLine().execute(args));
    }
}
