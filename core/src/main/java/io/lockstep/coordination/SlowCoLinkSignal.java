package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.Objects;

/**
 * Co-link-slow: accounts that share the same URLs whatever the delay between their shares (up to a window of a day
 * by default), on URLs no common source explains. A link-sharing ring that spreads its sites' articles over hours
 * (DiResta et al. 2018, "The tactics &amp; tropes of the Internet Research Agency"; the fourth generator's ring, whose
 * members share each URL with a lognormal delay of median 60 min) never meets within co-link's 60 s, yet its members
 * share the same rare URLs again and again, which random placement of each account's shares cannot explain.
 *
 * <p>Phases: the URL actions of co-link ({@link CoLinkSignal.UrlActions}); the common scan ({@link CoActionScanner})
 * with the window of {@link CoordinationParams#coLinkSlow()} and the pair filter {@link CommonSources}, which pairs
 * only items of at most {@link CoActionScanner#MAX_ITEM_ACCOUNTS} accounts and leaves out the co-shares of two
 * accounts that both share the same source's URLs repeatedly (an audience: journalists of an outlet, readers of a
 * blog); the null models, cosine and rarity of every co-action signal on the counts that remain, the null models'
 * {@code maxPValue} taken family-wise over the counted pairs (Bonferroni): without a window, chance co-shares of
 * three popular-enough URLs are common (in a 1,280-account test archive, hundreds of ordinary pairs pass a per-pair
 * 10^-3), while a ring's pairs share ten or more. Where co-link asks
 * whether two accounts share at the same moment, co-link-slow asks whether they share the same URLs that nobody they
 * both follow posted first.
 *
 * <p>Cost: one more pass over the URL actions than co-link ({@link CommonSources}) and, per item of m accounts,
 * at most m·min(m, maxNeighbours) pair visits within the window; memory O(actions + distinct pairs). Deterministic.
 */
public final class SlowCoLinkSignal implements CoordinationSignal {
    private final CoordinationParams.CoAction params;
    private final int maxNeighbours;
    private final int evidenceCap;

    public SlowCoLinkSignal(CoordinationParams params) {
        Objects.requireNonNull(params, "params");
        this.params = params.coLinkSlow();
        this.maxNeighbours = params.maxNeighbours();
        this.evidenceCap = params.evidenceCap();
    }

    @Override
    public String name() {
        return CO_LINK_SLOW;
    }

    @Override
    public SignalGraph graph(Activity activity, ProgressListener progress, TerminationFlag termination) {
        CoLinkSignal.UrlActions urls = CoLinkSignal.UrlActions.of(activity);
        return CoActionScanner.scan(name(), urls.actions(), activity.accountCount(), params, maxNeighbours,
                evidenceCap, urls::label, sorted -> new CommonSources(sorted, params.minShared()),
                CoActionScanner.NullTest.FAMILY_WISE, progress, termination);
    }
}
