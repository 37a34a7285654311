package io.lockstep.evaluate;

import java.util.List;
import java.util.Locale;

/**
 * Precision, recall and F1 of a detector against a simulated truth, overall and per group.
 *
 * @param truePositives      positives flagged
 * @param falsePositives     negatives flagged
 * @param falseNegatives     positives not flagged
 * @param trueNegatives      negatives not flagged
 * @param precision          {@code tp / (tp + fp)}, 0 when nothing is flagged
 * @param recall             {@code tp / (tp + fn)}, 0 when there are no positives
 * @param f1                 harmonic mean of precision and recall, 0 when both are 0
 * @param groups             per-group scores: positive groups first, then negative ones, each by name
 * @param missingAccounts    truth accounts absent from the predictions (counted as not flagged)
 * @param unknownPredictions predicted accounts that are not in the truth (ignored)
 */
public record EvaluationResult(long truePositives, long falsePositives, long falseNegatives, long trueNegatives,
                               double precision, double recall, double f1, List<GroupScore> groups,
                               long missingAccounts, long unknownPredictions) {
    public EvaluationResult {
        groups = List.copyOf(groups);
    }

    /** The score of {@code group}, or an exception if the truth has no such group. */
    public GroupScore group(String group) {
        return groups.stream().filter(g -> g.group().equals(group)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no group " + group));
    }

    /** The flagged share of all accounts in groups labelled {@code label} (organic, fandom, ...); NaN when none. */
    public double flaggedShare(String label) {
        long size = 0;
        long flagged = 0;
        for (GroupScore g : groups) {
            if (g.label().equals(label)) {
                size += g.size();
                flagged += g.flagged();
            }
        }
        return size == 0 ? Double.NaN : flagged / (double) size;
    }

    static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** A Markdown table: one row for all positives, then one per group. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| group | label | accounts | flagged | precision | recall | F1 | FPR |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        sb.append("| **all operations** | bot, farm, linkring | ").append(truePositives + falseNegatives)
                .append(" | ").append(truePositives).append(" | ").append(number(precision)).append(" | ")
                .append(number(recall)).append(" | ").append(number(f1)).append(" |  |\n");
        for (GroupScore g : groups) {
            sb.append("| ").append(g.group()).append(" | ").append(g.label()).append(" | ").append(g.size())
                    .append(" | ").append(g.flagged()).append(" | ").append(number(g.precision())).append(" | ")
                    .append(number(g.recall())).append(" | ").append(number(g.f1())).append(" | ")
                    .append(number(g.falsePositiveRate())).append(" |\n");
        }
        return sb.toString();
    }

    /** The same table as CSV ({@code group,label,accounts,flagged,precision,recall,f1,fpr}). */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("group,label,accounts,flagged,precision,recall,f1,fpr\n");
        sb.append("all,operations,").append(truePositives + falseNegatives).append(',').append(truePositives)
                .append(',').append(number(precision)).append(',').append(number(recall)).append(',')
                .append(number(f1)).append(",\n");
        for (GroupScore g : groups) {
            sb.append(g.group()).append(',').append(g.label()).append(',').append(g.size()).append(',')
                    .append(g.flagged()).append(',').append(number(g.precision())).append(',')
                    .append(number(g.recall())).append(',').append(number(g.f1())).append(',')
                    .append(number(g.falsePositiveRate())).append('\n');
        }
        return sb.toString();
    }

    /** A plain-text summary for the terminal. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "overall  precision %.3f  recall %.3f  F1 %.3f  (tp %d, fp %d, fn %d, tn %d)%n",
                precision, recall, f1, truePositives, falsePositives, falseNegatives, trueNegatives));
        for (GroupScore g : groups) {
            if (g.positive()) {
                sb.append(String.format(Locale.ROOT, "%-12s %-9s %6d accounts  %6d flagged  precision %.3f  recall %.3f  F1 %.3f%n",
                        g.group(), g.label(), g.size(), g.flagged(), g.precision(), g.recall(), g.f1()));
            } else {
                sb.append(String.format(Locale.ROOT, "%-12s %-9s %6d accounts  %6d flagged  false-positive rate %.4f%n",
                        g.group(), g.label(), g.size(), g.flagged(), g.falsePositiveRate()));
            }
        }
        if (missingAccounts > 0 || unknownPredictions > 0) {
            sb.append(String.format(Locale.ROOT, "(%d truth accounts had no prediction and count as not flagged; "
                    + "%d predictions were not in the truth)%n", missingAccounts, unknownPredictions));
        }
        return sb.toString();
    }
}
