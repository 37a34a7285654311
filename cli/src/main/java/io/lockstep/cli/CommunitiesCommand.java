package io.lockstep.cli;

import io.lockstep.activity.Activity;
import io.lockstep.activity.Projection;
import io.lockstep.community.CommunityDetection;
import io.lockstep.community.CommunityResult;
import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.CompactGraphBuilder;
import io.lockstep.importer.EdgeFiles;
import io.lockstep.influence.Coreness;
import io.lockstep.influence.PageRank;
import io.lockstep.influence.SampledBetweenness;
import io.lockstep.progress.TerminationFlag;
import io.lockstep.store.ActivityReader;
import io.lockstep.store.GraphStore;
import io.lockstep.store.ResultWriter;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code lockstep communities}: community detection on edge-list files or on a projection of the store.
 *
 * <p>Files: each INPUT is read with {@link EdgeFiles} (follower CSV, SNAP, interaction CSV, gzipped or not); account
 * ids are mapped to dense ints once; direction is dropped and repeated edges add up their weights. With one INPUT
 * and {@code --out FILE.csv} the membership goes to that file; otherwise {@code --out} is a directory that receives
 * {@code <input>.membership.csv} per input and {@code summary.csv}. Store: without INPUT the store's activity is read
 * as {@code analyze} reads it, the {@link Projection} named by {@code --projection} is built from it, and the
 * communities are written back as {@code Account.<projection>_community} (plus {@code _pagerank}, {@code _coreness}
 * and {@code _betweenness} with {@code --influence}), names that say which graph they come from.
 *
 * <p>Each run prints {@code modularity=… communities=… seconds=…}, where seconds is the algorithm's own time (reading
 * and writing excluded).
 */
@Command(name = "communities", mixinStandardHelpOptions = true,
        description = {"Detect communities (Leiden, Louvain or label propagation) in edge-list files or in the store.",
                "Files: membership CSV (node,community) per input, plus summary.csv for several inputs.",
                "Store (no INPUT): builds --projection from the store's activity and writes "
                        + "Account.<projection>_community back."},
        modelTransformer = OptionTable.Declare.class)
public final class CommunitiesCommand extends StoreCommand implements OptionTable.Holds {
    /**
     * The community detection algorithms of the command ({@link CommunityParameters}' {@code --algorithm}); its name
     * here is the option's type in the command line's contract.
     */
    enum Algorithm { LEIDEN, LOUVAIN, LPA }

    /** Source vertices of the sampled betweenness of {@code --influence}. */
    static final int BETWEENNESS_SAMPLES = 256;

    /** {@code --algorithm} and its parameters, declared as options from their table. */
    final CommunityParameters parameters = new CommunityParameters();

    @Mixin
    SeedOption seed;

    @Option(names = "--out", paramLabel = "PATH",
            description = "Membership CSV for one input, or a directory for several (required with INPUT files).")
    Path out;

    @Option(names = "--projection", paramLabel = "NAME", defaultValue = "retweets",
            description = "Store projection: interactions (analyze's graph), retweets or follows (default: ${DEFAULT-VALUE}).")
    Projection projection;

    @Option(names = "--influence", description = "On the store, also write PageRank, k-core number and betweenness "
            + "(sampled from " + BETWEENNESS_SAMPLES + " sources) on the projection: Account.<projection>_pagerank, "
            + "_coreness, _betweenness.")
    boolean influence;

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Edge-list files, or directories whose files are "
            + "all read (name order, hidden files and *.rejects.csv left out); none means: use the store.")
    List<Path> inputs = new ArrayList<>();

    /** One analysed graph: its account ids, the graph and the outcome. */
    record Run(String input, List<String> ids, CompactGraph graph, CommunityResult result, double seconds) {
    }

    @Override
    public List<OptionTable<?>> optionTables() {
        return List.of(parameters.table);
    }

    @Override
    public Integer call() throws Exception {
        CommunityDetection detection = parameters.detection(seed.seed());
        PrintWriter stdout = stdout();
        if (inputs.isEmpty()) {
            return onStore(detection, stdout);
        }
        if (out == null) {
            throw new ParameterException(spec.commandLine(), "--out is required with INPUT files");
        }
        List<Path> files = inputFiles(inputs);
        boolean single = files.size() == 1 && !Files.isDirectory(inputs.get(0))
                && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        if (!single && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw new ParameterException(spec.commandLine(),
                    "--out must be a directory (not a .csv file) with several inputs or a directory input");
        }
        List<Run> runs = new ArrayList<>();
        Set<String> stems = new HashSet<>();
        for (Path input : files) {
            Run run = timedCommunities(input.toString(), readFile(input), detection);
            String stem = stem(input);
            for (int i = 2; !stems.add(stem); i++) {
                stem = stem(input) + "-" + i; // two inputs with the same file name in different directories
            }
            Path target = single ? out : out.resolve(stem + ".membership.csv");
            writeMembership(target, run);
            print(stdout, run);
            runs.add(run);
        }
        if (!single) {
            writeSummary(out.resolve("summary.csv"), runs);
        }
        return 0;
    }

    /**
     * The edge-list files named by INPUT: a file as given, a directory as its regular files in name order (hidden files
     * and the {@code *.rejects.csv} files the readers write beside their inputs left out, no recursion).
     */
    static List<Path> inputFiles(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.isDirectory(input)) {
                files.add(input);
                continue;
            }
            List<Path> inside = new ArrayList<>();
            try (var listing = Files.list(input)) {
                listing.filter(Files::isRegularFile).filter(p -> {
                    String name = p.getFileName().toString();
                    return !name.startsWith(".") && !name.toLowerCase(Locale.ROOT).endsWith(".rejects.csv");
                }).forEach(inside::add);
            }
            if (inside.isEmpty()) {
                throw new InputException(input + ": directory holds no edge-list files");
            }
            inside.sort(Comparator.comparing(p -> p.getFileName().toString()));
            files.addAll(inside);
        }
        return files;
    }

    private int onStore(CommunityDetection detection, PrintWriter stdout) throws IOException {
        try (GraphStore store = storeOptions.open()) {
            Activity activity = ActivityReader.read(store);
            Projection.Connected projected = projection.connected(activity);
            CompactGraph graph = projected.graph();
            Run run = timedCommunities(store + " " + projection.label(), projected.accountIds(), graph, detection);
            double[] pagerank = null;
            int[] coreness = null;
            double[] betweenness = null;
            if (influence) {
                pagerank = new PageRank(PageRank.DAMPING_DEFAULT, PageRank.MAX_ITERATIONS_DEFAULT,
                        PageRank.TOLERANCE_DEFAULT, parameters.threads(), TerminationFlag.RUNNING_TRUE).scores(graph);
                coreness = Coreness.compute(graph);
                betweenness = new SampledBetweenness(BETWEENNESS_SAMPLES, seed.seed(), parameters.threads(),
                        TerminationFlag.RUNNING_TRUE).scores(graph);
            }
            ResultWriter.writeProjectionResults(store, new ResultWriter.ProjectionResults(projection.label(),
                    projected.accountIds(), run.result().membership(), pagerank, coreness, betweenness));
            if (out != null) {
                writeMembership(out, run);
            }
            print(stdout, run);
        }
        return 0;
    }

    /** An edge list as a graph plus the account id of each vertex. */
    record FileGraph(List<String> ids, CompactGraph graph) {
    }

    static FileGraph readFile(Path input) throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new NoSuchFileException(input + ": no such file");
        }
        Object2IntOpenHashMap<String> index = new Object2IntOpenHashMap<>();
        index.defaultReturnValue(-1);
        List<String> ids = new ArrayList<>();
        IntArrayList src = new IntArrayList();
        IntArrayList dst = new IntArrayList();
        DoubleArrayList wt = new DoubleArrayList();
        EdgeFiles.EdgeFileStats stats = EdgeFiles.read(input, (source, target, weight) -> {
            src.add(id(source, index, ids));
            dst.add(id(target, index, ids));
            wt.add(weight);
        });
        if (stats.edges() == 0) {
            throw new InputException(input + ": no edges" + (stats.rejects() > 0
                    ? " (" + stats.rejects() + " rejected lines in " + stats.rejectsFile() + ")" : ""));
        }
        CompactGraphBuilder b = new CompactGraphBuilder(ids.size());
        for (int i = 0; i < src.size(); i++) {
            double w = wt.getDouble(i);
            b.addEdge(src.getInt(i), dst.getInt(i), w > 0 && !Double.isInfinite(w) ? w : 1.0);
        }
        return new FileGraph(ids, b.build());
    }

    private static int id(String account, Object2IntOpenHashMap<String> index, List<String> ids) {
        int v = index.getInt(account);
        if (v < 0) {
            v = ids.size();
            index.put(account, v);
            ids.add(account);
        }
        return v;
    }

    private Run timedCommunities(String name, FileGraph fg, CommunityDetection detection) {
        return timedCommunities(name, fg.ids(), fg.graph(), detection);
    }

    private Run timedCommunities(String name, List<String> ids, CompactGraph graph, CommunityDetection detection) {
        long start = System.nanoTime();
        CommunityResult result = detection.communities(graph);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(name, ids, graph, result, seconds);
    }

    private static void print(PrintWriter stdout, Run run) {
        stdout.printf(Locale.ROOT, "modularity=%.6f communities=%d seconds=%.3f nodes=%d edges=%d input=%s%n",
                run.result().modularity(), run.result().communityCount(), run.seconds(), run.graph().nodeCount(),
                run.graph().edgeCount(), run.input());
        stdout.flush();
    }

    private static void writeMembership(Path target, Run run) throws IOException {
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        int[] m = run.result().membership();
        try (BufferedWriter w = Files.newBufferedWriter(target)) {
            w.write("node,community\n");
            for (int v = 0; v < m.length; v++) {
                w.write(csv(run.ids().get(v)));
                w.write(',');
                w.write(Integer.toString(m[v]));
                w.write('\n');
            }
        }
    }

    private static void writeSummary(Path target, List<Run> runs) throws IOException {
        Files.createDirectories(target.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(target)) {
            w.write("input,nodes,edges,communities,modularity,seconds\n");
            for (Run r : runs) {
                w.write(String.format(Locale.ROOT, "%s,%d,%d,%d,%.6f,%.3f%n", csv(r.input()), r.graph().nodeCount(),
                        r.graph().edgeCount(), r.result().communityCount(), r.result().modularity(), r.seconds()));
            }
        }
    }

    /** Quotes a CSV field when it needs it (RFC 4180). */
    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String stem(Path input) {
        String name = input.getFileName().toString();
        for (String ext : new String[]{".gz", ".csv", ".txt", ".tsv", ".edges", ".edgelist"}) {
            if (name.toLowerCase(Locale.ROOT).endsWith(ext)) {
                name = name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }
}
