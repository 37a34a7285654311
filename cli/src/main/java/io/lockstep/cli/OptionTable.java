package io.lockstep.cli;

import io.lockstep.cli.Checks.Bounds;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Options declared from a table rather than from annotated fields, for a set of options that is data about one model
 * ({@link SimulationKnobs}: the simulated archive's knobs; {@link CommunityParameters}: the community detection and
 * its parameters). Each row of the table's enum gives one option ({@link Spec}: name, label, type, default, the
 * values it accepts, help text); {@link Declare} puts one option per row on a command that {@link Holds} the table,
 * each with its row's {@link Bounds} as its user object, where {@link Checks#boundsOf} finds them and
 * {@link Checks#ranges} checks them like any {@link Range}. A row's value is the one given on the command line, else
 * the row's default, else null.
 *
 * @param <K> the table's rows
 */
final class OptionTable<K extends Enum<K> & OptionTable.Row> {
    /**
     * One option of a table.
     *
     * @param name         the option's name, {@code --resolution}
     * @param label        its parameter label in the usage text
     * @param type         the type its value is converted to ({@code int.class}, an enum, ...)
     * @param defaultValue the value when the option is not given, as typed on the command line; null for none
     * @param bounds       the values a number option accepts; null for any
     * @param help         the help text ({@code ${DEFAULT-VALUE}} shows the default)
     */
    record Spec(String name, String label, Class<?> type, String defaultValue, Bounds bounds, String help) {
    }

    /** A row of a table: the option it declares. */
    interface Row {
        Spec spec();
    }

    /** A command whose options include tables' rows: the tables, in the order they are declared. */
    interface Holds {
        List<OptionTable<?>> optionTables();
    }

    private final Class<K> rows;
    private final Map<K, Object> values;

    OptionTable(Class<K> rows) {
        this.rows = rows;
        this.values = new EnumMap<>(rows);
    }

    /** The value of {@code row}: the one given, else the row's default, else null. */
    <T> T value(K row, Class<T> type) {
        return type.cast(values.get(row));
    }

    /** Whether {@code row} has a value (given, or a default). */
    boolean has(K row) {
        return values.containsKey(row);
    }

    private void declareOn(CommandSpec spec) {
        for (K row : rows.getEnumConstants()) {
            Spec s = row.spec();
            Binding<K> binding = new Binding<>(values, row);
            OptionSpec.Builder option = OptionSpec.builder(s.name()).paramLabel(s.label()).type(s.type())
                    .defaultValue(s.defaultValue()).description(s.help()).getter(binding).setter(binding);
            spec.addOption((s.bounds() == null ? option : option.userObject(s.bounds())).build());
        }
    }

    /** Declares the rows of the tables of a command that {@link Holds} them, one option per row. */
    public static final class Declare implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            for (OptionTable<?> table : ((Holds) spec.userObject()).optionTables()) {
                table.declareOn(spec);
            }
            return spec;
        }
    }

    /** A row's value in the map of those set: null when it has none. */
    private record Binding<K>(Map<K, Object> values, K row) implements IGetter, ISetter {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) values.get(row);
        }

        @Override
        public <T> T set(T value) {
            T old = get();
            if (value == null) {
                values.remove(row);
            } else {
                values.put(row, value);
            }
            return old;
        }
    }
}
