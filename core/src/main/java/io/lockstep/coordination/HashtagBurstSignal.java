package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.Objects;

/**
 * Hashtag-burst: accounts that use the same rare hashtags within hours of each other, on several hashtags, where no
 * visible source they both read explains the use. The pattern of ephemeral astroturfing (Elmas, Overdorf, Özkalay
 * and Aberer, "Ephemeral astroturfing attacks: the case of fake Twitter trends", IEEE EuroS&amp;P 2021): fresh and
 * compromised accounts post a new hashtag with varied slogans within an hour or two to push it into the trends, and
 * the same accounts do it again on other days with other hashtags. Co-hashtag's 300 s rarely pairs them (their posts
 * spread over the burst) and its three shared hashtags ask more bursts than an attack may hold.
 *
 * <p>Phases: co-hashtag's actions ({@link CoHashtagSignal#actions}); the common scan ({@link CoActionScanner}) with
 * the window of {@link CoordinationParams#hashtagBurst()} and the pair filter {@link HashtagSources}, which pairs only
 * hashtags of at most {@link CoActionScanner#MAX_ITEM_ACCOUNTS} accounts and leaves out the co-uses a visible source
 * explains (a fanbase announcing a hashtag project that its fans retweet, a club whose followers tweet its match tag);
 * the null models, cosine and rarity of every co-action signal, the null models' {@code maxPValue} taken family-wise
 * over the counted pairs (Bonferroni), as co-link-slow does: with a window of hours, chance co-uses of two hashtags
 * are common among the accounts that tweet a topic's tags.
 *
 * <p>Cost: co-hashtag's actions, one pass over the follows and the retweets ({@link HashtagSources}) and, per item of
 * m accounts, at most m·min(m, maxNeighbours) pair visits within the window; memory O(actions + follows + distinct
 * pairs). Deterministic.
 */
public final class HashtagBurstSignal implements CoordinationSignal {
    private final CoordinationParams.CoAction params;
    private final int maxNeighbours;
    private final int evidenceCap;

    public HashtagBurstSignal(CoordinationParams params) {
        Objects.requireNonNull(params, "params");
        this.params = params.hashtagBurst();
        this.maxNeighbours = params.maxNeighbours();
        this.evidenceCap = params.evidenceCap();
    }

    @Override
    public String name() {
        return HASHTAG_BURST;
    }

    @Override
    public SignalGraph graph(Activity activity, ProgressListener progress, TerminationFlag termination) {
        return CoActionScanner.scan(name(), CoHashtagSignal.actions(activity), activity.accountCount(), params,
                maxNeighbours, evidenceCap, (key, sourcePost, targetPost) -> "#" + activity.hashtag(key),
                sorted -> new HashtagSources(sorted, activity, params.window()), false, progress, termination);
    }
}
