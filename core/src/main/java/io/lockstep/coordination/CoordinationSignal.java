package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

/**
 * One kind of evidence that accounts act together. An implementation reads an {@link Activity} and returns the
 * account–account edges it supports, each already tested against the signal's null model, with examples.
 *
 * <p>Implementations never compare all pairs of accounts: they sort time-ordered action keys and scan them.
 */
public interface CoordinationSignal {
    /** Signal names as written to outputs. */
    String CO_RETWEET = "co-retweet";
    String CO_HASHTAG = "co-hashtag";
    String HASHTAG_SEQUENCE = "hashtag-sequence";
    String CO_LINK = "co-link";
    String CO_LINK_SLOW = "co-link-slow";
    String HASHTAG_BURST = "hashtag-burst";
    String CO_TEXT = "co-text";
    String FAST_RETWEET = "fast-retweet";
    String CO_REPLY = "co-reply";
    String DEVOTED_RETWEET = "devoted-retweet";
    String LOCKSTEP_FOLLOW = "lockstep-follow";
    String AMPLIFIED_SEED = "amplified-seed";
    String HASHTAG_PUSH = "hashtag-push";
    String FARM_COHORT = "farm-cohort";
    String CREATION_COHORT = "creation-cohort";

    /** The signal's name, one of the constants above. */
    String name();

    /** Builds this signal's account–account graph. */
    SignalGraph graph(Activity activity, ProgressListener progress, TerminationFlag termination);
}
