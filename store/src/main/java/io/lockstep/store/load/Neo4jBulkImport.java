package io.lockstep.store.load;

import io.lockstep.store.StoreException;
import com.sun.management.OperatingSystemMXBean;
import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.IndexConfig;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.Config;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.pagecache.ExternallyManagedPageCache;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.logging.InternalLogProvider;
import org.neo4j.logging.internal.LogService;
import org.neo4j.memory.MemoryTracker;
import org.neo4j.scheduler.JobScheduler;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Neo4j's bulk importer ({@code neo4j-admin database import full}) run in-process, with the options
 * {@link BulkLoader} uses. Public so that a benchmark can run the very same invocation on the files a load staged
 * ("the importer alone on the same staged files").
 */
public final class Neo4jBulkImport {
    private Neo4jBulkImport() {
    }

    /**
     * The importer's options apart from the files: the database name first ({@code --nodes} and
     * {@code --relationships} take several values and would swallow it), node ids as staged numbers, a verbose log
     * (a failure then names its cause), the report file in {@code reportDirectory}, one thread per core, and
     * {@link #offHeapBytes} of memory.
     */
    static List<String> options(String database, Path reportDirectory) {
        return new ArrayList<>(List.of(
                "full",
                database,
                "--id-type=actual", // Staging numbers the nodes
                "--verbose",
                "--report-file=" + reportDirectory.resolve("import.report"),
                "--threads=" + Math.max(1, Runtime.getRuntime().availableProcessors()),
                "--max-off-heap-memory=" + offHeapBytes()));
    }

    /**
     * The importer's off-heap budget: the page cache's share of the machine (a quarter of its memory, 512 MiB to
     * 4 GiB), which the stopped DBMS does not use meanwhile. The importer's own default is 90 % of the memory the
     * OS reports free, which on a machine whose memory holds the file cache is little (128 MiB here with 23 GiB
     * installed): the relationship linking then runs in six passes instead of one.
     */
    static long offHeapBytes() {
        long physical = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return Math.max(512L << 20, Math.min(4L << 30, physical / 4));
    }

    /**
     * Runs the importer into {@code database} of the Neo4j home {@code home} (its directory must not hold that
     * database yet) on the files of {@code fileArguments} (the {@code --nodes}/{@code --relationships} and
     * multi-line arguments that {@link StepTimes#staged} reports), writing its report into
     * {@code reportDirectory}, with {@link #options} for the rest. Its console output goes to
     * {@code home/logs/bulk-import.log}.
     *
     * @throws StoreException when the importer fails (the message names its innermost cause)
     */
    public static void run(Path home, String database, Path reportDirectory, List<String> fileArguments) {
        run(home, database, reportDirectory, fileArguments, UnaryOperator.identity());
    }

    /** As {@link #run(Path, String, Path, List)}; the console output also goes through {@code watch} (progress). */
    static void run(Path home, String database, Path reportDirectory, List<String> fileArguments,
                    UnaryOperator<OutputStream> watch) {
        run(home, database, reportDirectory, fileArguments, null, watch);
    }

    /**
     * As {@link #run(Path, String, Path, List)}, the importer reading {@code input} (its Input API) instead of CSV
     * files: the same command, options, log and report, with the input it would have read from its files replaced.
     * A header-only node file in {@code reportDirectory} stands for the files the command's options require.
     */
    static void run(Path home, String database, Path reportDirectory, Input input, UnaryOperator<OutputStream> watch) {
        Path placeholder = reportDirectory.resolve("no-csv-input.csv");
        try {
            Files.writeString(placeholder, ":ID\n");
        } catch (IOException e) {
            throw new StoreException("cannot write " + placeholder + ": " + e.getMessage(), e);
        }
        run(home, database, reportDirectory, List.of("--nodes=" + placeholder), input, watch);
    }

    private static void run(Path home, String database, Path reportDirectory, List<String> fileArguments,
                            Input input, UnaryOperator<OutputStream> watch) {
        List<String> args = options(database, reportDirectory);
        args.addAll(fileArguments);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Throwable[] failure = new Throwable[1];
        int exit;
        try (PrintStream out = new PrintStream(watch.apply(log), true, StandardCharsets.UTF_8);
             DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            Path absoluteHome = home.toAbsolutePath(); // Neo4j's configuration takes absolute homes only
            ExecutionContext context = new ExecutionContext(absoluteHome, absoluteHome.resolve("conf"), out, out,
                    fs);
            // Run as `import full` under its parent command, as neo4j-admin does: the subcommand reads options
            // (the schema file among them) through its parent.
            CommandLine.IFactory factory = new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> type) throws Exception {
                    if (type != ImportCommand.Full.class) {
                        return CommandLine.defaultFactory().create(type);
                    }
                    return type.cast(input == null ? new ImportCommand.Full(context) : new Fed(context, input));
                }
            };
            CommandLine command = new CommandLine(new ImportCommand(), factory);
            command.setOut(new PrintWriter(out, true));
            command.setErr(new PrintWriter(out, true));
            command.setExecutionExceptionHandler((e, cl, parsed) -> {
                failure[0] = e;
                return 1;
            });
            exit = command.execute(args.toArray(String[]::new));
        }
        try { // the importer's own report of its stages, for whoever wants to know where the time went
            Path logs = Files.createDirectories(home.resolve("logs"));
            Files.write(logs.resolve("bulk-import.log"), log.toByteArray());
        } catch (IOException e) {
            // the log is a courtesy; the import's outcome does not depend on it
        }
        if (exit != 0) {
            // the command prints its failure rather than throwing it: its innermost cause is the last "Caused by"
            String reason = failure[0] != null ? rootMessage(failure[0])
                    : log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("Caused by: "))
                    .reduce((a, b) -> b).map(l -> l.substring("Caused by: ".length()))
                    .orElse("see " + home.resolve("logs").resolve("bulk-import.log"));
            throw new StoreException("Neo4j's bulk importer failed: " + reason, failure[0]);
        }
    }

    /**
     * {@code import full} with its input replaced: everything the command sets up (configuration, memory, locks,
     * log, report, progress output) is its own; the importer reads {@code input} instead of the CSV input the
     * command built from its file options, and runs without its page-cache flusher ({@link WithoutFlusher}).
     */
    private static final class Fed extends ImportCommand.Full {
        private final Input input;

        Fed(ExecutionContext context, Input input) {
            super(context);
            this.input = input;
        }

        @Override
        protected void doImport(FileSystemAbstraction fs, DatabaseLayout layout, Config config,
                                JobScheduler scheduler, InternalLogProvider logProvider, PageCacheTracer tracer,
                                CursorContextFactory contexts, Configuration importConfig, LogService logService,
                                PrintStream out, PrintStream err, boolean verbose, Collector badCollector,
                                MemoryTracker memory, Input csvInput) throws IOException {
            super.doImport(fs, layout, config, scheduler, logProvider, tracer, contexts,
                    new WithoutFlusher(importConfig), logService, out, err, verbose, badCollector, memory, input);
        }
    }

    /**
     * The command's importer configuration with {@link Configuration#sequentialBackgroundFlushing} off. On, the
     * importer starts a thread for each node and relationship stage that calls the page cache's
     * {@code flushAndForce} in a loop, without pause, for as long as the stage runs, each pass handing every mapped
     * file to Neo4j's file I/O helper threads: on the 1.2M-post archive those threads took 8.9 CPU-s and the
     * process 5.4 s more system time than without it, on the cores the analysis beside the load needs
     * (docs/benchmarks.md, "Session 16"). Off, dirty pages are written when the cache evicts them and when the
     * importer flushes and closes its stores; the records written are the same, only when they reach the disk
     * differs. Everything else is the command's.
     */
    static final class WithoutFlusher implements Configuration {
        private final Configuration command;

        WithoutFlusher(Configuration command) {
            this.command = command;
        }

        @Override
        public boolean sequentialBackgroundFlushing() {
            return false;
        }

        @Override
        public int batchSize() {
            return command.batchSize();
        }

        @Override
        public int movingAverageSize() {
            return command.movingAverageSize();
        }

        @Override
        public int maxNumberOfWorkerThreads() {
            return command.maxNumberOfWorkerThreads();
        }

        @Override
        public int maxQueueSize() {
            return command.maxQueueSize();
        }

        @Override
        public long maxOffHeapMemory() {
            return command.maxOffHeapMemory();
        }

        @Override
        public boolean parallelRecordWrites() {
            return command.parallelRecordWrites();
        }

        @Override
        public boolean parallelRecordReads() {
            return command.parallelRecordReads();
        }

        @Override
        public boolean highIO() {
            return command.highIO();
        }

        @Override
        public boolean strictNodeCheck() {
            return command.strictNodeCheck();
        }

        @Override
        public IndexConfig indexConfig() {
            return command.indexConfig();
        }

        @Override
        public boolean defragmentInternalStores() {
            return command.defragmentInternalStores();
        }

        @Override
        public int forcedNumberOfNodeIdRanges() {
            return command.forcedNumberOfNodeIdRanges();
        }

        @Override
        public ExternallyManagedPageCache providedPageCache() {
            return command.providedPageCache();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).replace('\n', ' ');
    }
}
