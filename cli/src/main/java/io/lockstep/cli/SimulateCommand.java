package io.lockstep.cli;

import io.lockstep.progress.ProgressListener;
import io.lockstep.simulate.ScenarioConfig;
import io.lockstep.simulate.SimulationSummary;
import io.lockstep.simulate.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Writes a labelled synthetic archive in the real archive formats, plus {@code truth.csv}. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic influence-network archive with planted operations and hard negatives: "
                + "tweets.csv, users.csv (information-operations format), follows.csv, tweets-twarc2.csv, "
                + "tweets.jsonl (API v1.1) and truth.csv (account_id,label,group,twitter_id).",
                "Same seed, same bytes. See docs/simulator.md for the scenario model."})
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--accounts", paramLabel = "N", defaultValue = "5000",
            description = "Number of accounts (default: ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--days", paramLabel = "D", defaultValue = "14",
            description = "Days of activity (default: ${DEFAULT-VALUE}).")
    int days;

    @Mixin
    SeedOption seed;

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "mixed",
            description = "mixed, botnet, farm, agedfarm, linkring, fandom, news or organic (no operation at all) "
                    + "(default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--communities", paramLabel = "K",
            description = "Ordinary follow graph: number of communities (default: accounts / 500 within 4..4000).")
    Integer communities;

    @Option(names = "--homophily", paramLabel = "H",
            description = "Ordinary follow graph: share of follows and reactions inside one's community (default 0.85).")
    Double homophily;

    @Option(names = "--popularity-exponent", paramLabel = "A",
            description = "Ordinary follow graph: Pareto shape of popularity inside a community; smaller is a "
                    + "heavier tail (default 1.3).")
    Double popularityExponent;

    @Option(names = "--follows-median", paramLabel = "M",
            description = "Ordinary follow graph: median accounts followed, log-normal with sigma 1 (default 40).")
    Double followsMedian;

    @Option(names = "--aged-farms", paramLabel = "N",
            description = "Add N follower farms of aged accounts bought second-hand (default: 1 for agedfarm, else 0).")
    Integer agedFarms;

    @Option(names = "--posts-per-account", paramLabel = "X",
            description = "Target mean posts per account (default: 10).")
    Double postsPerAccount;

    @Option(names = "--participation", paramLabel = "P",
            description = "Difficulty: probability that a botnet or link-ring member joins an action (default 0.7 / 0.75).")
    Double participation;

    @Option(names = "--delay-scale", paramLabel = "X",
            description = "Difficulty: multiplies the bots' median retweet delay of 30 s (default 1).")
    Double delayScale;

    @Option(names = "--camouflage", paramLabel = "C",
            description = "Difficulty: share of bot posts that are camouflage retweets (default 0.3).")
    Double camouflage;

    /** The configuration the options describe. */
    ScenarioConfig config() {
        ScenarioConfig c = ScenarioConfig.preset(scenario, accounts, days, seed.seed());
        if (participation != null || delayScale != null || camouflage != null) {
            c = c.withDifficulty(participation != null ? participation : c.botnet().participation(),
                    delayScale != null ? delayScale : 1.0,
                    camouflage != null ? camouflage : c.botnet().camouflageShare());
        }
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
        if (agedFarms != null) {
            c = c.withAgedFarms(agedFarms);
        }
        return c;
    }

    @Override
    public Integer call() throws IOException {
        SimulationSummary s = new Simulator(config()).write(out, ProgressListener.NONE);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "wrote %s: %d accounts, %d posts, %d follows in %.1f s%n", s.outDir(), s.accounts(),
                s.posts(), s.follows(), s.elapsedMillis() / 1000.0);
        StringBuilder kinds = new StringBuilder();
        for (Map.Entry<String, Long> e : s.postsByKind().entrySet()) {
            kinds.append(' ').append(e.getKey()).append('=').append(e.getValue());
        }
        w.println("posts:" + kinds);
        StringBuilder groups = new StringBuilder();
        for (Map.Entry<String, Integer> e : s.accountsByGroup().entrySet()) {
            groups.append(' ').append(e.getKey()).append('=').append(e.getValue());
        }
        w.println("groups:" + groups);
        w.flush();
        return 0;
    }
}
