package io.lockstep.coordination;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignalTest {

    @Test
    void everySignalIsDeclaredOnceWithItsNameKindWindowAndFactory() {
        CoordinationParams p = CoordinationParams.defaults()
                .withSignals(new LinkedHashSet<>(CoordinationParams.ALL_SIGNALS));
        assertThat(CoordinationParams.defaults().enabled("amplified-seed")).isTrue();
        assertThat(CoordinationParams.DEFAULT_SIGNALS).isEqualTo(CoordinationParams.ALL_SIGNALS);
        assertThat(CoordinationParams.ALL_SIGNALS).containsExactly("co-retweet", "co-hashtag", "hashtag-sequence",
                "hashtag-burst", "co-link", "co-link-slow", "co-text", "fast-retweet", "co-reply", "devoted-retweet",
                "lockstep-follow", "amplified-seed", "hashtag-push", "farm-cohort", "creation-cohort");
        for (Signal s : Signal.values()) {
            if (s.afterVerdicts()) {
                assertThatThrownBy(() -> s.create(p)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("reads the verdicts");
                assertThat(s.joining(p)).isNotNull();
            } else {
                assertThat(s.create(p).name()).isEqualTo(s.id());
                assertThatThrownBy(() -> s.joining(p)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("reads the activity");
            }
            assertThat(Signal.of(s.id())).isSameAs(s);
            assertThat(p.describe()).contains("- " + s.id() + ": " + s.describe(p));
        }
        assertThat(Signal.CO_TEXT.window(p)).isEqualTo(3600);
        assertThat(Signal.FAST_RETWEET.window(p)).isEqualTo(10);
        assertThat(Signal.LOCKSTEP_FOLLOW.window(p)).isZero();
        assertThat(Signal.LOCKSTEP_FOLLOW.kind()).isEqualTo("follower-farm");
        assertThat(Signal.CO_LINK.kind()).isEqualTo("link-ring");
        assertThat(Signal.CO_LINK_SLOW.kind()).isEqualTo("link-ring");
        assertThat(Signal.CO_LINK_SLOW.window(p)).isEqualTo(86_400);
        assertThat(Signal.HASHTAG_BURST.kind()).isEqualTo("botnet");
        assertThat(Signal.HASHTAG_BURST.window(p)).isEqualTo(7200);
        assertThat(Signal.CO_TEXT.kind()).isEqualTo("copypasta");
        assertThat(Signal.CO_REPLY.kind()).isEqualTo("botnet");
        // amplified-seed, hashtag-push, farm-cohort and creation-cohort read the verdicts: assemble runs them, no
        // window, no pair null model
        assertThat(Signal.values()).filteredOn(Signal::afterVerdicts)
                .containsExactly(Signal.AMPLIFIED_SEED, Signal.HASHTAG_PUSH, Signal.FARM_COHORT,
                        Signal.CREATION_COHORT);
        assertThat(Signal.FARM_COHORT.kind()).isEqualTo("follower-farm");
        assertThat(Signal.FARM_COHORT.joining(p)).isInstanceOf(FarmCohortSignal.class);
        assertThat(Signal.FARM_COHORT.describe(p)).contains("a span of 7 days holding at least 10 accounts",
                "at least 25% of those flagged accounts, at least 4 times", "the 8 spans either side", "<= 0.05 / m",
                "the 10 of them");
        assertThat(Signal.CREATION_COHORT.kind()).isEqualTo("mixed");
        assertThat(Signal.CREATION_COHORT.joining(p)).isInstanceOf(CreationCohortSignal.class);
        assertThat(Signal.CREATION_COHORT.describe(p)).contains("a run of at least 10 of its flagged accounts'",
                "within 7 days of the one before", "the 8 spans either side", "at least 4 times", "<= 0.05 / m",
                "the 10 accounts of the batch");
        for (Signal s : new Signal[]{Signal.AMPLIFIED_SEED, Signal.HASHTAG_PUSH, Signal.FARM_COHORT,
                Signal.CREATION_COHORT}) {
            assertThat(s.window(p)).isZero();
            assertThat(s.pairNullModel()).isFalse();
        }
        for (Signal s : new Signal[]{Signal.AMPLIFIED_SEED, Signal.HASHTAG_PUSH}) {
            assertThat(s.kind()).isEqualTo("botnet");
        }
        assertThat(Signal.AMPLIFIED_SEED.joining(p)).isInstanceOf(AmplifiedSeedSignal.class);
        assertThat(Signal.HASHTAG_PUSH.joining(p)).isInstanceOf(HashtagPushSignal.class);
        assertThat(Signal.HASHTAG_PUSH.describe(p)).contains("at least 3 accounts flagged for using hashtags together", "within 24 h",
                "<= 0.05 / m", "the 10 of them");
        assertThat(Signal.AMPLIFIED_SEED.describe(p)).contains("<= 0.05 / m", "its 10 amplifiers");
        // the method text follows the parameters, not a copy of them
        assertThat(Signal.CO_TEXT.describe(p)).contains("2-word shingles", "16 bands x 4 rows", "Jaccard >= 0.50");
    }

    @Test
    void anUnknownNameIsRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> Signal.of("co-dance")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("co-dance").hasMessageContaining("lockstep-follow");
    }
}
