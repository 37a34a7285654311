package io.lockstep.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line is a public contract: every command's options and parameters (names, labels, types, defaults,
 * arity, ranges, groups, help texts) and its usage text are held against {@code option-contract.txt}. A change to
 * the command line changes that file in the same commit, and the README with it; a refactoring leaves it alone.
 * The text the code gives now is written to {@code target/option-contract.txt} for comparison.
 */
class OptionContractTest {
    @Test
    void everyCommandKeepsItsOptionsDefaultsAndHelpTexts() throws IOException {
        String actual = contract();
        Files.writeString(Path.of("target", "option-contract.txt"), actual);
        String expected;
        try (InputStream in = OptionContractTest.class.getResourceAsStream("/option-contract.txt")) {
            assertThat(in).as("option-contract.txt on the test classpath").isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** Every command of {@code lockstep}, by name, described option by option and then by its usage text. */
    static String contract() {
        CommandLine root = Lockstep.commandLine();
        root.setUsageHelpWidth(120);
        Map<String, CommandLine> commands = new TreeMap<>(root.getSubcommands());
        commands.put("", root);
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, CommandLine> e : commands.entrySet()) {
            CommandSpec spec = e.getValue().getCommandSpec();
            out.append("== ").append(spec.qualifiedName()).append('\n');
            List<OptionSpec> options = spec.options().stream()
                    .sorted(Comparator.comparing(OptionSpec::longestName)).toList();
            for (OptionSpec o : options) {
                out.append("option ").append(String.join(",", o.names()))
                        .append(" | label=").append(o.paramLabel())
                        .append(" | type=").append(o.type().getName())
                        .append(" | default=").append(o.defaultValue())
                        .append(" | shown-default=").append(o.defaultValueString())
                        .append(" | arity=").append(o.arity())
                        .append(" | split=").append(o.splitRegex())
                        .append(" | required=").append(o.required())
                        .append(" | negatable=").append(o.negatable())
                        .append(" | hidden=").append(o.hidden())
                        .append(" | range=").append(Checks.boundsOf(o) == null ? "none" : Checks.boundsOf(o))
                        .append(" | group=").append(group(o.group()))
                        .append(" | help=").append(String.join(" / ", o.description()))
                        .append('\n');
            }
            for (PositionalParamSpec p : spec.positionalParameters()) {
                out.append("parameter ").append(p.index())
                        .append(" | label=").append(p.paramLabel())
                        .append(" | type=").append(p.type().getName())
                        .append(" | arity=").append(p.arity())
                        .append(" | help=").append(String.join(" / ", p.description()))
                        .append('\n');
            }
            out.append(e.getValue().getUsageMessage(Help.Ansi.OFF)).append('\n');
        }
        return out.toString();
    }

    private static String group(ArgGroupSpec g) {
        if (g == null) {
            return "none";
        }
        return (g.exclusive() ? "exclusive" : "together") + (g.multiplicity().min() > 0 ? " required" : "")
                + (g.parentGroup() != null ? " in " + group(g.parentGroup()) : "");
    }
}
