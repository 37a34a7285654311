package io.lockstep.coordination;

import io.lockstep.campaign.CampaignParams;
import io.lockstep.coordination.CoordinationParams.ClusterParams;
import io.lockstep.coordination.CoordinationParams.CoAction;
import io.lockstep.coordination.CoordinationParams.FastRetweetParams;
import io.lockstep.coordination.CoordinationParams.FollowParams;
import io.lockstep.coordination.CoordinationParams.ScoreWeights;
import io.lockstep.coordination.CoordinationParams.TextParams;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code with…} methods of {@link CoordinationParams}: each a copy with one component changed, checked. */
class CoordinationParamsWithersTest {
    private static final CoordinationParams DEFAULTS = CoordinationParams.defaults();

    @Test
    void eachWitherChangesItsComponentAlone() throws ReflectiveOperationException {
        CoAction other = new CoAction(7, 9, 0.5, 0.01);
        Map<String, CoordinationParams> changed = new LinkedHashMap<>();
        changed.put("signals", DEFAULTS.withSignals(Set.of(CoordinationParams.ALL_SIGNALS.get(0))));
        changed.put("coRetweet", DEFAULTS.withCoRetweet(other));
        changed.put("coHashtag", DEFAULTS.withCoHashtag(other));
        changed.put("sequence", DEFAULTS.withSequence(other));
        changed.put("coLink", DEFAULTS.withCoLink(other));
        changed.put("coLinkSlow", DEFAULTS.withCoLinkSlow(other));
        changed.put("hashtagBurst", DEFAULTS.withHashtagBurst(other));
        changed.put("coText", DEFAULTS.withCoText(other));
        changed.put("coReply", DEFAULTS.withCoReply(other));
        changed.put("text", DEFAULTS.withText(new TextParams(3, 8, 2, 0.6, 4)));
        changed.put("fastRetweet", DEFAULTS.withFastRetweet(new FastRetweetParams(20, 4, 0.7, 0.01)));
        changed.put("follow", DEFAULTS.withFollow(new FollowParams(11, 7, 0.3, 21, 86_400L, 0.01, 3.0, 9)));
        changed.put("cluster", DEFAULTS.withCluster(
                new ClusterParams(0.1, 4, 0.6, 86_400L, 1800, false, 5, ScoreWeights.defaults())));
        changed.put("campaign", DEFAULTS.withCampaign(new CampaignParams(1800, 10, 4.0, 3)));
        changed.put("maxNeighbours", DEFAULTS.withMaxNeighbours(3));
        changed.put("seed", DEFAULTS.withSeed(7L));
        for (Map.Entry<String, CoordinationParams> e : changed.entrySet()) {
            for (RecordComponent c : CoordinationParams.class.getRecordComponents()) {
                Object before = c.getAccessor().invoke(DEFAULTS);
                Object after = c.getAccessor().invoke(e.getValue());
                if (c.getName().equals(e.getKey())) {
                    assertThat(after).as(e.getKey()).isNotEqualTo(before);
                } else {
                    assertThat(after).as(e.getKey() + "'s wither keeps " + c.getName()).isEqualTo(before);
                }
            }
        }
    }

    @Test
    void aWitherChecksItsValueAsTheConstructorDoes() {
        assertThatThrownBy(() -> DEFAULTS.withMaxNeighbours(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxNeighbours");
        assertThatThrownBy(() -> DEFAULTS.withSignals(Set.of("no-such-signal")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-signal");
    }
}
