package io.lockstep.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering rules of docs/architecture.md, read from the product sources of every module: no cycle between
 * packages, no package split across modules, no module using one above it (the store cannot see the visualizer),
 * Cypher and the Neo4j API only in the {@code store} module, picocli only in the {@code cli} package, a
 * {@code package-info.java} in every package, no type named inline by its fully qualified name (an import names
 * it once); the rules read every module the root pom builds.
 */
class ArchitectureTest {
    private static final List<String> MODULES =
            List.of("core", "importers", "store", "simulator", "visualizer", "cli", "spark");
    /** A reference to a Lockstep type: {@code io.lockstep.pkg.Type}, in an import or inline. */
    private static final Pattern TYPE_REFERENCE = Pattern.compile("\\bio\\.lockstep\\.([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([a-z0-9.]+);", Pattern.MULTILINE);
    /** A string literal or text block that reads like a Cypher statement. */
    private static final Pattern CYPHER = Pattern.compile(
            "\\b(MATCH|MERGE|UNWIND|DETACH DELETE|CREATE (CONSTRAINT|INDEX)|RETURN|SET [a-z]\\.|CALL \\{|SHOW)\\b[^\"]*");

    /**
     * A fully qualified type name, {@code java.util.List} or {@code org.apache.commons.csv.CSVFormat}: the pattern of
     * docs/architecture-check.sh's count, here matched on code without comments, strings and import lines.
     */
    private static final Pattern QUALIFIED_NAME = Pattern.compile(
            "\\b(java|javax|io|org|com|it|picocli)\\.[a-z0-9_]+(\\.[a-z0-9_]+)*\\.[A-Z][A-Za-z0-9_]*");
    private static final Pattern IMPORT_OR_PACKAGE = Pattern.compile("^\\s*(import|package)\\s");
    /**
     * A comment that cites history: an issue ({@code issue 17}, {@code #17}), a session ({@code session 11}) or a
     * branch of the project's sessions ({@code tidy11}), in lower case as a sentence cites them (a comment may point
     * to a section of docs/ by its title); the pattern of docs/architecture-check.sh's count.
     */
    private static final Pattern HISTORY = Pattern.compile(
            "\\bissue\\s*#?\\d+|(?<![\\w&])#\\d+\\b|\\bsession\\s+\\d+"
            + "|\\b(tidy|aged|grow|scale|regress|import|spark|speed|farm|write|holdout|slow)\\d+\\b");
    /** A call or declaration of a method named {@code detect}. */
    private static final Pattern DETECT = Pattern.compile("\\bdetect\\s*\\(");

    /** Source file → module, package, text. */
    record Source(String module, Path file, String pkg, String text) {
    }

    static List<Source> sources;

    @BeforeAll
    static void read() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        sources = new ArrayList<>();
        for (String module : MODULES) {
            Path dir = root.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    try {
                        String text = Files.readString(f, StandardCharsets.UTF_8);
                        Matcher m = PACKAGE.matcher(text);
                        assertThat(m.find()).as(f + " declares a package").isTrue();
                        sources.add(new Source(module, root.relativize(f), m.group(1), text));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        assertThat(sources).hasSizeGreaterThan(100);
    }

    /** A {@code <module>} of the root pom. */
    private static final Pattern POM_MODULE = Pattern.compile("<module>([^<]+)</module>");

    @Test
    void theRulesCoverEveryModuleOfTheBuild() throws IOException {
        String pom = Files.readString(Path.of("..").toAbsolutePath().normalize().resolve("pom.xml"));
        List<String> built = new ArrayList<>();
        Matcher m = POM_MODULE.matcher(pom);
        while (m.find()) {
            built.add(m.group(1).trim());
        }
        assertThat(MODULES).as("the modules these rules read, against the root pom's")
                .containsExactlyInAnyOrderElementsOf(built);
    }

    @Test
    void packagesFormNoCycle() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Source s : sources) {
            Set<String> out = uses.computeIfAbsent(s.pkg(), k -> new TreeSet<>());
            Matcher m = TYPE_REFERENCE.matcher(withoutComments(s.text()));
            while (m.find()) {
                String target = "io.lockstep." + m.group(1);
                if (!target.equals(s.pkg())) {
                    out.add(target);
                }
            }
        }
        assertThat(cycles(uses)).as("package cycles").isEmpty();
    }

    /** The modules each module may use: dependencies point one way, down docs/architecture.md's picture. */
    static final Map<String, Set<String>> MAY_USE = Map.of(
            "core", Set.of(),
            "importers", Set.of("core"),
            "store", Set.of("core", "importers"),
            "simulator", Set.of("core"),
            "visualizer", Set.of("core"),
            "cli", Set.of("core", "importers", "store", "simulator", "visualizer"),
            "spark", Set.of("core", "importers", "cli"));
    /** A compile-scope dependency on a Lockstep module in a pom (test-scoped ones name {@code <scope>test}). */
    private static final Pattern MODULE_DEPENDENCY = Pattern.compile(
            "<dependency>(?:(?!</dependency>).)*?<artifactId>lockstep-([a-z]+)</artifactId>((?:(?!</dependency>).)*)</dependency>",
            Pattern.DOTALL);

    @Test
    void modulesUseOnlyTheModulesBelowThem() throws IOException {
        assertThat(MAY_USE.keySet()).containsExactlyInAnyOrderElementsOf(MODULES);
        Map<String, String> moduleOf = new HashMap<>();
        sources.forEach(s -> moduleOf.put(s.pkg(), s.module()));
        assertThat(moduleUseViolations(sources, moduleOf)).isEmpty();
        List<String> poms = new ArrayList<>();
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (String module : MODULES) {
            Matcher m = MODULE_DEPENDENCY.matcher(Files.readString(root.resolve(module).resolve("pom.xml")));
            while (m.find()) {
                if (!m.group(2).contains("<scope>test</scope>") && !MAY_USE.get(module).contains(m.group(1))) {
                    poms.add(module + "/pom.xml depends on lockstep-" + m.group(1));
                }
            }
        }
        assertThat(poms).isEmpty();
    }

    /** Each reference from a module to a package of a module it may not use, as "file: package". */
    static List<String> moduleUseViolations(List<Source> sources, Map<String, String> moduleOf) {
        List<String> out = new ArrayList<>();
        for (Source s : sources) {
            Matcher m = TYPE_REFERENCE.matcher(withoutComments(s.text()));
            while (m.find()) {
                String target = moduleOf.get("io.lockstep." + m.group(1));
                if (target != null && !target.equals(s.module()) && !MAY_USE.get(s.module()).contains(target)) {
                    out.add(s.file() + ": io.lockstep." + m.group(1) + " (" + target + ")");
                }
            }
        }
        return out;
    }

    /** Split packages are looked for in the test sources too: a test-jar shares a classpath. */
    @Test
    void noPackageIsSplitAcrossModules() throws IOException {
        List<Source> all = new ArrayList<>();
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (String module : MODULES) {
            for (String tree : List.of("src/main/java", "src/test/java")) {
                Path dir = root.resolve(module).resolve(tree);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        Matcher m = PACKAGE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                        if (m.find()) {
                            all.add(new Source(module, f, m.group(1), ""));
                        }
                    }
                }
            }
        }
        assertThat(all).hasSizeGreaterThan(sources.size());
        assertThat(splitPackages(all)).as("packages declared in more than one module").isEmpty();
    }

    /** Package → the modules declaring it, for the packages declared in more than one module. */
    static Map<String, Set<String>> splitPackages(List<Source> sources) {
        Map<String, Set<String>> modules = new TreeMap<>();
        for (Source s : sources) {
            modules.computeIfAbsent(s.pkg(), k -> new TreeSet<>()).add(s.module());
        }
        modules.values().removeIf(m -> m.size() < 2);
        return modules;
    }

    @Test
    void cypherAndTheNeo4jApiLiveOnlyInTheStore() {
        List<String> offenders = new ArrayList<>();
        for (Source s : sources) {
            if (s.module().equals("store")) {
                continue;
            }
            String code = withoutComments(s.text());
            if (code.contains("import org.neo4j.")) {
                offenders.add(s.file() + ": imports the Neo4j API");
            }
            for (String literal : stringLiterals(code)) {
                if (CYPHER.matcher(literal).find()) {
                    offenders.add(s.file() + ": Cypher " + literal);
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void picocliOnlyInTheCommands() {
        List<String> offenders = new ArrayList<>();
        for (Source s : sources) {
            // the bulk load drives Neo4j's own import command, which is a picocli command
            boolean allowed = s.pkg().equals("io.lockstep.cli") || s.file().endsWith("Neo4jBulkImport.java");
            if (!allowed && s.text().contains("import picocli.")) {
                offenders.add(s.file().toString());
            }
        }
        assertThat(offenders).isEmpty();
    }

    /**
     * A type is named by its simple name after an import; a name written out inline hides what a file uses. Where
     * two types of one simple name meet, one side's use moves to a class of its own (as {@code ShareTable} holds
     * Commons CSV's {@code CSVFormat} away from JGraphT's in {@code GraphExport}).
     */
    @Test
    void noTypeIsNamedInlineByItsQualifiedName() {
        List<String> offenders = new ArrayList<>();
        for (Source s : sources) {
            inlineQualifiedNames(s.text()).forEach(n -> offenders.add(s.file() + ": " + n));
        }
        assertThat(offenders).isEmpty();
    }

    /** The fully qualified type names in {@code code} outside comments, strings, imports and the package line. */
    static List<String> inlineQualifiedNames(String code) {
        List<String> out = new ArrayList<>();
        for (String line : withoutStrings(withoutComments(code)).split("\n")) {
            if (IMPORT_OR_PACKAGE.matcher(line).find()) {
                continue;
            }
            Matcher m = QUALIFIED_NAME.matcher(line);
            while (m.find()) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** Comments state the contract and why; history (an issue, a session, a branch) goes in commits and docs/. */
    @Test
    void noCommentCitesAnIssueASessionOrABranch() {
        List<String> offenders = new ArrayList<>();
        for (Source s : sources) {
            for (String comment : comments(s.text())) {
                Matcher m = HISTORY.matcher(comment);
                while (m.find()) {
                    offenders.add(s.file() + ": " + m.group());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    /**
     * {@code detect} is the command alone: each finder's method says what it finds
     * ({@code CommunityDetection.communities}, {@code CoordinationSignal.graph}, {@code CampaignDetector.campaigns},
     * {@code FormatDetector.formatOf}, ...), so that following a value does not end in a hall of {@code detect}s.
     */
    @Test
    void noMethodIsNamedDetect() {
        List<String> offenders = new ArrayList<>();
        for (Source s : sources) {
            if (DETECT.matcher(withoutStrings(withoutComments(s.text()))).find()) {
                offenders.add(s.file().toString());
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyPackageSaysWhatLivesThere() {
        Map<String, Boolean> documented = new TreeMap<>();
        for (Source s : sources) {
            documented.merge(s.module() + ":" + s.pkg(), s.file().endsWith("package-info.java"), Boolean::logicalOr);
        }
        documented.values().removeIf(Boolean::booleanValue);
        assertThat(documented.keySet()).as("packages without package-info.java").isEmpty();
    }

    /** Packages that only the tests of a module hold (benchmark mains) say what lives there too. */
    @Test
    void everyTestOnlyPackageSaysWhatLivesThere() throws IOException {
        Set<String> product = new TreeSet<>();
        for (Source s : sources) {
            product.add(s.pkg());
        }
        Map<String, Boolean> documented = new TreeMap<>();
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (String module : MODULES) {
            Path dir = root.resolve(module).resolve("src/test/java");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String pkg = dir.relativize(f.getParent()).toString().replace('/', '.');
                    if (!product.contains(pkg)) {
                        documented.merge(module + ":" + pkg, f.endsWith("package-info.java"), Boolean::logicalOr);
                    }
                }
            }
        }
        assertThat(documented).as("test-only packages").isNotEmpty();
        documented.values().removeIf(Boolean::booleanValue);
        assertThat(documented.keySet()).as("test-only packages without package-info.java").isEmpty();
    }

    @Test
    void theScanFindsACycleCypherAndASplitPackageWhenThereAreSome() {
        Map<String, Set<String>> uses = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertThat(cycles(uses)).containsExactly(List.of("a", "b", "c"));
        assertThat(stringLiterals("String q = \"MATCH (a:Account) RETURN a\"; // \"not code\""))
                .anyMatch(l -> CYPHER.matcher(l).find());
        assertThat(stringLiterals("String s = \"Matching accounts, returned\";"))
                .noneMatch(l -> CYPHER.matcher(l).find());
        List<Source> split = List.of(new Source("importers", Path.of("a/Parser.java"), "io.lockstep.x", ""),
                new Source("store", Path.of("b/Loader.java"), "io.lockstep.x", ""),
                new Source("store", Path.of("b/Other.java"), "io.lockstep.y", ""));
        assertThat(splitPackages(split)).containsOnlyKeys("io.lockstep.x");
        Source scene = new Source("store", Path.of("b/Q.java"), "io.lockstep.store",
                "import io.lockstep.visual.Scene;\nclass Q { io.lockstep.activity.Activity a; }");
        assertThat(moduleUseViolations(List.of(scene), Map.of("io.lockstep.visual", "visualizer",
                "io.lockstep.activity", "core", "io.lockstep.store", "store")))
                .containsExactly("b/Q.java: io.lockstep.visual (visualizer)");
        assertThat(inlineQualifiedNames("package io.lockstep.x;\nimport java.util.Map;\n/** {@link java.util.Set} */\n"
                + "class Q { java.util.List<String> a; // java.util.Map\n String s = \"org.x.Y\"; Map<String, "
                + "org.apache.commons.csv.CSVFormat> f; }")).containsExactly("java.util.List",
                "org.apache.commons.csv.CSVFormat");
        String code = "/** Since issue 17. */\nint a = b / c; // the value, as tidy11 left it\nString s = \"// #3\";"
                + " /* see #12 */ int d = e.detect( x); String t = \"detect(\"; // &#8212; detect(\n";
        assertThat(comments(code)).containsExactly("/** Since issue 17. */", "// the value, as tidy11 left it",
                "/* see #12 */", "// &#8212; detect(");
        assertThat(comments(code).stream().filter(c -> HISTORY.matcher(c).find()))
                .containsExactly("/** Since issue 17. */", "// the value, as tidy11 left it", "/* see #12 */");
        assertThat(DETECT.matcher(withoutStrings(withoutComments(code))).results().count()).isEqualTo(1);
    }

    /** The strongly connected components of more than one package (Tarjan), each sorted. */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : new TreeSet<>(graph.keySet())) {
            if (!index.containsKey(v)) {
                strongConnect(v, graph, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private static void strongConnect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                                      Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                      List<List<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                strongConnect(w, graph, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                component.sort(null);
                out.add(component);
            }
        }
    }

    /** The code with its comments blanked out (string contents kept). */
    static String withoutComments(String code) {
        StringBuilder b = new StringBuilder(code.length());
        int from = 0;
        for (int[] span : commentSpans(code)) {
            b.append(code, from, span[0]);
            from = span[1];
        }
        return b.append(code, from, code.length()).toString();
    }

    /** The text of every comment of {@code code}, delimiters included, in order. */
    static List<String> comments(String code) {
        return commentSpans(code).stream().map(span -> code.substring(span[0], span[1])).toList();
    }

    /** Where the comments of {@code code} stand, [start, end) each, string literals and text blocks skipped. */
    private static List<int[]> commentSpans(String code) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                i = end < 0 ? code.length() : end + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < code.length() && code.charAt(j) != c) {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(code.length(), j + 1);
            } else if (code.startsWith("//", i) || code.startsWith("/*", i)) {
                boolean line = code.charAt(i + 1) == '/';
                int end = line ? code.indexOf('\n', i) : code.indexOf("*/", i + 2);
                end = end < 0 ? code.length() : line ? end : end + 2;
                spans.add(new int[] {i, end});
                i = end;
            } else {
                i++;
            }
        }
        return spans;
    }

    /** The code with the contents of its string literals, text blocks and character literals blanked out. */
    static String withoutStrings(String code) {
        StringBuilder b = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                end = end < 0 ? code.length() : end + 3;
                b.append("\"\"");
                i = end;
            } else if (code.charAt(i) == '"' || code.charAt(i) == '\'') {
                char quote = code.charAt(i);
                int j = i + 1;
                while (j < code.length() && code.charAt(j) != quote) {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                b.append(quote).append(quote);
                i = Math.min(code.length(), j + 1);
            } else {
                b.append(code.charAt(i++));
            }
        }
        return b.toString();
    }

    /** The contents of every string literal and text block of {@code code}. */
    static List<String> stringLiterals(String code) {
        String c = withoutComments(code);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < c.length()) {
            if (c.startsWith("\"\"\"", i)) {
                int end = c.indexOf("\"\"\"", i + 3);
                end = end < 0 ? c.length() : end;
                out.add(c.substring(i + 3, end));
                i = Math.min(c.length(), end + 3);
            } else if (c.charAt(i) == '\'') {
                int j = i + 1;
                while (j < c.length() && c.charAt(j) != '\'') {
                    j += c.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (c.charAt(i) == '"') {
                int j = i + 1;
                while (j < c.length() && c.charAt(j) != '"') {
                    j += c.charAt(j) == '\\' ? 2 : 1;
                }
                out.add(c.substring(i + 1, Math.min(j, c.length())));
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
