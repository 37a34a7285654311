package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.Objects;

/**
 * Hashtag-burst: accounts that use the same short-lived hashtags within hours of each other, on several of them,
 * where no visible source they both read explains the use. The pattern of ephemeral astroturfing (Elmas, Overdorf, Özkalay
 * and Aberer, "Ephemeral astroturfing attacks: the case of fake Twitter trends", IEEE EuroS&amp;P 2021): fresh and
 * compromised accounts post a new hashtag with varied slogans within an hour or two to push it into the trends, and
 * the same accounts do it again on other days with other hashtags. Co-hashtag's 300 s rarely pairs them (their posts
 * spread over the burst) and its three shared hashtags ask more bursts than an attack may hold.
 *
 * <p>Phases: co-hashtag's actions ({@link CoHashtagSignal#actions}); the common scan ({@link CoActionScanner}) with
 * the window of {@link CoordinationParams#hashtagBurst()} and the pair filter {@link HashtagSources}, which pairs only
 * short-lived hashtags (at most {@link CoActionScanner#MAX_ITEM_ACCOUNTS} accounts, at least half of the uses within
 * the window of the first: a hashtag born in a burst, as an attack's is) and leaves out the co-uses a visible source
 * explains (a fanbase announcing a hashtag project that its fans retweet, a club whose followers tweet its match
 * tag); then the cosine, rarity and volume model of every co-action signal, per pair, on the counts that remain, but
 * not the strength model ({@link CoActionScanner.NullTest#VOLUME}): the filter leaves out the bulk of ordinary
 * co-use by design, so that an operation's own co-uses can be nearly all of what is counted (measured: a 175-account
 * push, all of the 15,111 counted pairs of its archive), and an empirical background estimated from them explains the
 * operation by itself. Two
 * shared hashtags suffice (k = 2): an attack may push only two, and a topic's long-lived hashtags, which two ordinary
 * accounts may share by chance within hours, are not paired at all. Unlike co-link-slow, the tail is not
 * family-wise: with k = 2 no pair of a 40-account push passes a Bonferroni level over thousands of pairs (the
 * volume model's λ for two accounts of four actions each is about 0.01), while the short-lived hashtags leave few
 * chance pairs to correct for.
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
                sorted -> new HashtagSources(sorted, activity, params.window()), CoActionScanner.NullTest.VOLUME,
                progress, termination);
    }
}
