package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.TerminationFlag;

import java.util.List;

/**
 * A signal read after the verdicts ({@link Signal#afterVerdicts()}): its test reads which accounts are flagged, and
 * the accounts it finds join flagged clusters with edges of their own. {@link CoordinationDetector#assemble} runs the
 * enabled ones in canonical order after {@link VerdictPhase}, each on the previous one's result.
 */
public interface JoiningSignal {
    /**
     * @param edges    every signal's edges, those of the joining signals run before included
     * @param clusters numbered 0, 1, … in list order, as {@link ScorePhase} returns them
     * @param verdicts one per account, for {@code edges} and {@code clusters}
     * @return {@link Joined#none} when no account joins
     */
    Joined run(Activity activity, List<CoordinationEdge> edges, List<Cluster> clusters, AccountVerdict[] verdicts,
               double suspiciousScore, TerminationFlag termination);
}
