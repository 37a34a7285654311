package io.lockstep.evaluate;

/**
 * Detection quality on one truth group.
 *
 * <p>For a positive group (label {@code bot}, {@code farm} or {@code linkring}) {@code recall} is the share of its
 * members flagged, and {@code precision} is one-vs-negatives: {@code tp / (tp + fp)} where {@code fp} counts every
 * flagged negative account (members of other positive groups are neither). For a negative group
 * ({@code organic}, {@code fandom}, {@code news}) {@code falsePositiveRate} is the share of its members flagged and
 * the other three are {@code NaN}.
 *
 * @param group             group name, e.g. {@code botnet-1}
 * @param label             truth label of its members
 * @param positive          whether the label is a positive (an operation)
 * @param size              members in the truth
 * @param flagged           members predicted suspicious
 * @param precision         see above
 * @param recall            see above
 * @param f1                harmonic mean of precision and recall (0 when both are 0)
 * @param falsePositiveRate see above
 */
public record GroupScore(String group, String label, boolean positive, int size, int flagged, double precision,
                         double recall, double f1, double falsePositiveRate) {
}
