package io.lockstep.cli;

import io.lockstep.simulate.ScenarioConfig;
import picocli.CommandLine.Option;

/**
 * {@code simulate}'s options for the ordinary accounts' follow graph and posting rate, each within its {@link Range}
 * ({@link ScenarioConfig}'s limits); unset ones keep the preset's.
 */
public final class BackgroundOptions {
    @Option(names = "--communities", paramLabel = "K",
            description = "Ordinary follow graph: number of communities (default: accounts / 500 within 4..4000).")
    @Range(min = 1, max = 100_000)
    Integer communities;

    @Option(names = "--homophily", paramLabel = "H",
            description = "Ordinary follow graph: share of follows and reactions inside one's community (default 0.85).")
    @Range(min = 0, max = 1)
    Double homophily;

    @Option(names = "--popularity-exponent", paramLabel = "A",
            description = "Ordinary follow graph: Pareto shape of popularity inside a community; smaller is a "
                    + "heavier tail (default 1.3).")
    @Range(min = 0.5, max = 5)
    Double popularityExponent;

    @Option(names = "--follows-median", paramLabel = "M",
            description = "Ordinary follow graph: median accounts followed, log-normal with sigma 1 (default 40).")
    @Range(min = 1, max = 5000)
    Double followsMedian;

    @Option(names = "--aged-farms", paramLabel = "N",
            description = "Add N follower farms of aged accounts bought second-hand (default: 1 for agedfarm, else 0).")
    @Range(min = 0)
    Integer agedFarms;

    @Option(names = "--posts-per-account", paramLabel = "X",
            description = "Target mean posts per account (default: 10).")
    @Range(above = 0, max = 1000)
    Double postsPerAccount;

    /** {@code c} with the options that were given. */
    ScenarioConfig applyTo(ScenarioConfig c) {
        if (postsPerAccount != null) {
            c = c.withPostsPerAccount(postsPerAccount);
        }
        ScenarioConfig.Background b = c.background();
        if (communities != null) {
            b = b.withCommunities(communities);
        }
        if (homophily != null) {
            b = b.withHomophily(homophily);
        }
        if (popularityExponent != null) {
            b = b.withPopularityExponent(popularityExponent);
        }
        if (followsMedian != null) {
            b = b.withFollows(followsMedian, b.followsSigma());
        }
        c = c.withBackground(b);
        return agedFarms != null ? c.withAgedFarms(agedFarms) : c;
    }
}
