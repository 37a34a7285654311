package io.lockstep.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How one archive's scores spread over the detector's seeds: the same truth scored once per seed, so that a figure
 * read from one run can be told from one draw of the detector's randomness (its Leiden partitions). The detector is
 * deterministic for a seed and for the archive's content, whatever the order of its rows; the seed is what remains.
 * A group flagged in full under one seed and not at all under another is a verdict that hangs on the seed, which a
 * single run cannot show.
 *
 * @param seeds   the detector's seeds, in the order run
 * @param results one result per seed, scored against the same truth (the same groups in the same order)
 */
public record SeedSpread(List<Long> seeds, List<EvaluationResult> results) {
    public SeedSpread {
        seeds = List.copyOf(seeds);
        results = List.copyOf(results);
        if (seeds.size() != results.size()) {
            throw new IllegalArgumentException("seeds (" + seeds.size() + ") and results (" + results.size()
                    + ") must pair up");
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("seeds must not be empty");
        }
        List<String> groups = groupNames(results.get(0));
        for (EvaluationResult r : results) {
            if (!groupNames(r).equals(groups)) {
                throw new IllegalArgumentException("every result must score the same groups: " + groups + " and "
                        + groupNames(r));
            }
        }
    }

    private static List<String> groupNames(EvaluationResult r) {
        return r.groups().stream().map(GroupScore::group).toList();
    }

    /** One group's flagged counts, one per seed, with their least and largest. */
    public record Row(String group, String label, int size, int[] flagged) {
        public Row {
            Objects.requireNonNull(group, "group");
            flagged = flagged.clone();
        }

        public int min() {
            return Arrays.stream(flagged).min().orElseThrow();
        }

        public int max() {
            return Arrays.stream(flagged).max().orElseThrow();
        }

        /** Whether the flagged count is not the same under every seed. */
        public boolean changes() {
            return min() != max();
        }

        @Override
        public int[] flagged() {
            return flagged.clone();
        }
    }

    /** Per group of the truth, in the results' order (positives first), its flagged count under each seed. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        List<GroupScore> first = results.get(0).groups();
        for (int g = 0; g < first.size(); g++) {
            int[] flagged = new int[results.size()];
            for (int s = 0; s < results.size(); s++) {
                flagged[s] = results.get(s).groups().get(g).flagged();
            }
            GroupScore gs = first.get(g);
            rows.add(new Row(gs.group(), gs.label(), gs.size(), flagged));
        }
        return rows;
    }

    /** The overall F1 under each seed. */
    public double[] f1() {
        return results.stream().mapToDouble(EvaluationResult::f1).toArray();
    }

    /** The groups whose flagged count is not the same under every seed. */
    public List<Row> unstable() {
        return rows().stream().filter(Row::changes).toList();
    }

    /** A Markdown table: the overall F1 and every group's flagged count per seed, with the range. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("| group | label | accounts |");
        StringBuilder rule = new StringBuilder("|---|---|---:|");
        for (long s : seeds) {
            sb.append(" seed ").append(s).append(" |");
            rule.append("---:|");
        }
        sb.append(" min | max |\n").append(rule).append("---:|---:|\n");
        double[] f1 = f1();
        sb.append("| **F1, all operations** | | |");
        for (double v : f1) {
            sb.append(' ').append(EvaluationResult.number(v)).append(" |");
        }
        DoubleSummaryStatistics range = Arrays.stream(f1).summaryStatistics();
        sb.append(' ').append(EvaluationResult.number(range.getMin())).append(" | ")
                .append(EvaluationResult.number(range.getMax())).append(" |\n");
        for (Row r : rows()) {
            sb.append("| ").append(r.group()).append(" | ").append(r.label()).append(" | ").append(r.size())
                    .append(" |");
            for (int f : r.flagged) {
                sb.append(' ').append(f).append(" |");
            }
            sb.append(' ').append(r.min()).append(" | ").append(r.max()).append(" |\n");
        }
        return sb.toString();
    }

    /** A plain-text summary: F1 per seed, then each group's flagged counts, groups that move marked with '*'. */
    public String toText() {
        StringBuilder sb = new StringBuilder("over seeds");
        for (long s : seeds) {
            sb.append(' ').append(s);
        }
        sb.append(":\n  F1");
        for (double v : f1()) {
            sb.append(String.format(Locale.ROOT, " %.3f", v));
        }
        sb.append('\n');
        List<Row> rows = rows();
        int moving = 0;
        for (Row r : rows) {
            moving += r.changes() ? 1 : 0;
            sb.append(String.format(Locale.ROOT, "%s %-40s %-9s %6d accounts, flagged", r.changes() ? "*" : " ",
                    r.group(), r.label(), r.size()));
            for (int f : r.flagged) {
                sb.append(String.format(Locale.ROOT, " %5d", f));
            }
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%d of %d groups change with the seed%n", moving, rows.size()));
        return sb.toString();
    }
}
