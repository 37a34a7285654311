package io.lockstep.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every class of the product is reached by a command or belongs to the public API: a reachability scan over the
 * compiled classes of the product modules, following the class names in each class file's constant pool (class
 * references, field and method descriptors, generic signatures, annotation values such as picocli's
 * {@code subcommands} and {@code mixins}; string literals do not count), from the roots: the {@code lockstep}
 * command ({@link Lockstep}), the public API packages ({@link #PUBLIC_API}: the JGraphT bridge) and the Lockstep
 * types the Spark engine (plugged into {@code analyze --engine spark} through a service file) names in its sources.
 * Nested classes count as their top-level class; a class whose source is gone (a stale class file) is not product.
 */
class ReachabilityTest {
    private static final List<String> MODULES = List.of("core", "importers", "store", "simulator", "visualizer", "cli");
    /** Packages whose public classes are API for Java users, documented in the README. */
    static final List<String> PUBLIC_API = List.of("io.lockstep.jgrapht");
    private static final String COMMAND = "io.lockstep.cli.Lockstep";
    /** A Lockstep class name in a constant (internal form, descriptor or dotted). */
    private static final Pattern LOCKSTEP_NAME = Pattern.compile("io[/.]lockstep[/.][A-Za-z0-9_/.$]+");
    private static final Pattern SPARK_USE = Pattern.compile("\\bio\\.lockstep\\.[a-z0-9.]+\\.[A-Z]\\w*");

    @Test
    void everyProductClassIsReachedByACommandOrThePublicApi() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Map<String, Set<String>> references = new HashMap<>();
        for (String module : MODULES) {
            Path classes = root.resolve(module).resolve("target/classes");
            Path sources = root.resolve(module).resolve("src/main/java");
            assertThat(classes).as("compiled classes of " + module).isDirectory();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = topLevel(classes.relativize(f).toString().replace('\\', '/')
                            .replaceAll("\\.class$", "").replace('/', '.'));
                    if (name.endsWith(".package-info")
                            || !Files.exists(sources.resolve(name.replace('.', '/') + ".java"))) {
                        continue;
                    }
                    try (InputStream in = Files.newInputStream(f)) {
                        references.computeIfAbsent(name, k -> new TreeSet<>()).addAll(lockstepNames(in));
                    }
                }
            }
        }
        List<String> roots = new ArrayList<>(List.of(COMMAND));
        for (String name : references.keySet()) {
            if (PUBLIC_API.stream().anyMatch(p -> name.startsWith(p + "."))) {
                roots.add(name);
            }
        }
        roots.addAll(sparkUses(root.resolve("spark/src/main/java")));
        Set<String> unreached = new TreeSet<>(references.keySet());
        unreached.removeAll(reached(references, roots));
        assertThat(references).hasSizeGreaterThan(150).containsKey(COMMAND);
        assertThat(unreached).as("product classes reached by no command and no public API").isEmpty();
    }

    @Test
    void theScanFollowsConstantPoolsAndAnnotations() throws IOException {
        // Lockstep names its subcommands only in its @Command annotation; ImportCommand its store loader in code
        Path classes = Path.of("target/classes/io/lockstep/cli");
        try (InputStream in = Files.newInputStream(classes.resolve("Lockstep.class"))) {
            assertThat(lockstepNames(in)).contains("io.lockstep.cli.AnalyzeCommand", "io.lockstep.cli.OneLineErrors");
        }
        try (InputStream in = Files.newInputStream(classes.resolve("ImportCommand.class"))) {
            assertThat(lockstepNames(in)).contains("io.lockstep.store.load.ArchiveImporter", "io.lockstep.cli.StoreOptions");
        }
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("a", "c"), "d", Set.of("a"));
        assertThat(reached(graph, List.of("a"))).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(lockstepNames(new ByteArrayInputStream(classFile("io/lockstep/x/Y", "Lio/lockstep/x/Z$1;"))))
                .containsExactly("io.lockstep.x.Y", "io.lockstep.x.Z");
    }

    /** The classes reached from {@code roots} along {@code references}. */
    static Set<String> reached(Map<String, Set<String>> references, List<String> roots) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (seen.add(c)) {
                todo.addAll(references.getOrDefault(c, Set.of()));
            }
        }
        return seen;
    }

    /**
     * The top-level Lockstep classes named in the constant pool of a class file: by its classes, descriptors,
     * signatures and annotations, not by its string literals (a class named in a message is not used).
     */
    static Set<String> lockstepNames(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        Map<Integer, String> texts = new HashMap<>();
        Set<Integer> literals = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts.put(i, in.readUTF());
                case 8 -> literals.add(in.readUnsignedShort());
                case 7, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // a long or double takes two slots
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        texts.keySet().removeAll(literals);
        Set<String> out = new TreeSet<>();
        for (String text : texts.values()) {
            Matcher m = LOCKSTEP_NAME.matcher(text);
            while (m.find()) {
                out.add(topLevel(m.group().replace('/', '.').replaceAll("[.;]+$", "")));
            }
        }
        return out;
    }

    /** {@code a.b.C$D$1} → {@code a.b.C}. */
    private static String topLevel(String name) {
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
    }

    /** The Lockstep classes the Spark engine's sources name. */
    private static Set<String> sparkUses(Path sources) throws IOException {
        Set<String> out = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = SPARK_USE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    out.add(m.group());
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    /**
     * A minimal class file whose constant pool holds {@code name} as a class, a long, {@code descriptor}, and
     * {@code io.lockstep.x.Message} as a string literal.
     */
    private static byte[] classFile(String name, String descriptor) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(61);
        out.writeShort(8); // entries 1 to 7
        out.writeByte(1); // 1: UTF-8
        out.writeUTF(name);
        out.writeByte(7); // 2: class, named by entry 1
        out.writeShort(1);
        out.writeByte(5); // 3 and 4: a long
        out.writeLong(42);
        out.writeByte(1); // 5: UTF-8
        out.writeUTF(descriptor);
        out.writeByte(8); // 6: a string, its text in entry 7
        out.writeShort(7);
        out.writeByte(1); // 7: UTF-8
        out.writeUTF("io.lockstep.x.Message");
        out.flush();
        return bytes.toByteArray();
    }
}
