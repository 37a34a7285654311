package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.campaign.Campaign;
import io.lockstep.campaign.CampaignDetector;
import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.Parallel;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs every enabled {@link CoordinationSignal}, sums their edges into one coordination graph, clusters it and
 * scores the clusters, then finds hashtag campaigns. {@link #assemble} reads as its phases, each its own tested
 * class:
 * <ol>
 *   <li>signals, each O(actions) after a radix sort ({@link CoActionScanner} and the others), side by side on up to
 *       {@code concurrency} threads ({@link #graphs});</li>
 *   <li>{@link EventNullModel}: the co-retweet, co-hashtag and co-reply edges' expected counts re-tested against a
 *       null that keeps each item's own time profile (the p-values the score's significance term reads);</li>
 *   <li>{@link CombinePhase}: pair weights summed over signals, pairs below
 *       {@link CoordinationParams.ClusterParams#minEdgeWeight()} dropped, a {@link CompactGraph} built;</li>
 *   <li>{@link ClusterPhase}: Leiden on modularity (Traag, Waltman and van Eck 2019), each community split into
 *       connected components ({@link ClusterRefiner}), each follow block one cluster, clusters of at least
 *       {@code minSize} kept;</li>
 *   <li>{@link ScorePhase}: each cluster scored ({@link ClusterScorer}; a block's co-action parts also on their own,
 *       taken out of it when they score higher), ordered and numbered;</li>
 *   <li>{@link VerdictPhase}: one verdict per account;</li>
 *   <li>{@link AmplifiedSeedSignal} (when amplified-seed is enabled): the accounts whose retweeters are mostly the
 *       flagged amplifiers, beyond chance, join their amplifiers' cluster, each linked to its strongest amplifiers;
 *       the verdicts are recomputed with those edges;</li>
 *   <li>{@link HashtagPushSignal} (when hashtag-push is enabled): the accounts that adopted the hashtag of a flagged
 *       push inside its hours with no visible route to it, beyond the archive's rate, join the push's cluster, each
 *       linked to its nearest pushers; the verdicts are recomputed with those edges;</li>
 *   <li>{@link FarmCohortSignal} (when farm-cohort is enabled): the accounts of a flagged follower farm's creation
 *       burst that nobody outside the burst chose to follow and that follow the farm's targets, beyond the rate of the
 *       accounts created around the burst, join the farm's cluster, each linked to its most similar farm accounts;
 *       the verdicts are recomputed with those edges;</li>
 *   <li>{@link CreationCohortSignal} (when creation-cohort is enabled): the accounts created in a flagged cluster's
 *       batch of sign-ups that nobody outside the batch chose to follow, beyond the rate of the accounts created
 *       around it, join the cluster, each linked to the batch's accounts created nearest to it; the verdicts are
 *       recomputed with those edges;</li>
 *   <li>campaigns ({@link CampaignDetector});</li>
 *   <li>the reported edges ({@link StrongestPartners#report}): each flagged account's {@code partners} strongest,
 *       and as many of the strongest pairs between unflagged accounts (a pair that retweeted the same originals
 *       seconds apart is evidence even when no cluster forms): at most 2 · partners rows per flagged account.</li>
 * </ol>
 * Cost: the signals', the event null's (one sort and walk of each covered signal's actions), then O(edges) to
 * combine, Leiden's, and O(edges + accounts) for the rest. Deterministic for a given {@link CoordinationParams#seed()}.
 */
public final class CoordinationDetector {
    private final CoordinationParams params;
    private final int concurrency;

    /** A detector that runs the signals one after another in the calling thread. */
    public CoordinationDetector(CoordinationParams params) {
        this(params, 1);
    }

    /**
     * A detector that runs up to {@code concurrency} signals side by side ({@link #graphs}); 1 runs them one after
     * another in the calling thread.
     */
    public CoordinationDetector(CoordinationParams params, int concurrency) {
        this.params = Objects.requireNonNull(params, "params");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.concurrency = concurrency;
    }

    public CoordinationParams params() {
        return params;
    }

    /** The enabled signals that read only the activity, in canonical order (amplified-seed is {@link #assemble}'s). */
    public List<CoordinationSignal> signals() {
        List<CoordinationSignal> out = new ArrayList<>();
        for (String name : CoordinationParams.ALL_SIGNALS) {
            if (params.enabled(name) && !Signal.of(name).afterVerdicts()) {
                out.add(create(name, params));
            }
        }
        return out;
    }

    /** Creates the signal with the given name ({@link Signal#of}). */
    public static CoordinationSignal create(String name, CoordinationParams params) {
        return Signal.of(name).create(params);
    }

    /** The coordination in {@code activity}: every enabled signal's edges and blocks, then {@link #assemble}. */
    public CoordinationResult run(Activity activity, ProgressListener progress, TerminationFlag termination) {
        Objects.requireNonNull(activity, "activity");
        List<CoordinationEdge> edges = new ArrayList<>();
        List<DenseBlock> blocks = new ArrayList<>();
        for (SignalGraph g : graphs(activity, progress, termination)) {
            edges.addAll(g.edges());
            blocks.addAll(g.blocks());
        }
        return assemble(activity, edges, blocks, progress, termination);
    }

    /**
     * Every enabled signal's graph ({@link #signals}), in their canonical order whatever order they finish in, so that
     * the result does not depend on the concurrency. The signals read the activity and share nothing else, so they
     * can run side by side: with a concurrency of 1 one after another in the calling thread, each reporting its own
     * progress; otherwise on that many daemon threads, the calling thread reporting one unit per finished signal
     * (a {@link ProgressListener} follows one task at a time). The first signal to fail stops the others at their
     * next check of the termination flag, and its exception is thrown; so is the cancellation when
     * {@code termination} asks to stop.
     */
    public List<SignalGraph> graphs(Activity activity, ProgressListener progress, TerminationFlag termination) {
        List<CoordinationSignal> signals = signals();
        List<SignalGraph> out = new ArrayList<>(signals.size());
        if (concurrency == 1 || signals.size() < 2) {
            for (CoordinationSignal signal : signals) {
                termination.assertRunning();
                out.add(signal.graph(activity, progress, termination));
            }
            return out;
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        TerminationFlag shared = () -> failure.get() == null && termination.running();
        // a pool of its own, not Parallel's shared workers: the signals split their loops on those workers and wait
        // for them, and a signal holding a worker while it waits could leave its own ranges nowhere to run
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, signals.size()), r -> {
            Thread t = new Thread(r, "lockstep-signal");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<SignalGraph> finished = new ExecutorCompletionService<>(pool);
            List<Future<SignalGraph>> futures = new ArrayList<>(signals.size());
            for (CoordinationSignal signal : signals) {
                futures.add(finished.submit(() -> {
                    try {
                        return signal.graph(activity, ProgressListener.NONE, shared);
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                        throw e;
                    }
                }));
            }
            progress.begin("coordination signals", signals.size());
            for (int i = 0; i < signals.size(); i++) {
                Future<SignalGraph> done = finished.take();
                try {
                    done.get();
                } catch (ExecutionException e) {
                    throw Parallel.unchecked(failure.get() != null ? failure.get() : e.getCause());
                }
                progress.advance(1);
            }
            progress.end();
            for (Future<SignalGraph> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            failure.compareAndSet(null, new CancellationException("interrupted"));
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            throw Parallel.unchecked(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Phases 2–8 (combine, cluster, score, verdicts, seeds, campaigns, reported edges) on edges already computed, for
     * callers that run the signals themselves, without dense blocks.
     */
    public CoordinationResult assemble(Activity activity, List<CoordinationEdge> edges, ProgressListener progress,
                                    TerminationFlag termination) {
        return assemble(activity, edges, List.of(), progress, termination);
    }

    /**
     * Phases 2–8 on edges and dense blocks already computed; each dense block is one cluster of its followers, but
     * for those that the cluster holding at least half of them holds by co-reaction ({@link ClusterPhase}).
     */
    public CoordinationResult assemble(Activity activity, List<CoordinationEdge> edges, List<DenseBlock> blocks,
                                    ProgressListener progress, TerminationFlag termination) {
        int n = activity.accountCount();
        progress.begin("combine and cluster", -1);
        edges = EventNullModel.apply(activity, params, edges, termination);
        CompactGraph combined = CombinePhase.run(n, edges, params.cluster().minEdgeWeight());
        termination.assertRunning();
        ClusterPhase.Groups groups = ClusterPhase.run(combined, edges, blocks, params.cluster(), params.seed(),
                termination);
        List<Cluster> clusters = ScorePhase.run(activity, params, combined, edges, groups, blocks, termination,
                ScorePhase.HIRED_PARTS);
        progress.end();
        AccountVerdict[] verdicts = VerdictPhase.run(n, edges, clusters, params.cluster().suspiciousScore());
        termination.assertRunning();
        for (Signal s : Signal.values()) {
            if (s.afterVerdicts() && params.enabled(s.id())) {
                Joined joined = s.joining(params).run(activity, edges, clusters, verdicts,
                        params.cluster().suspiciousScore(), termination);
                clusters = joined.clusters();
                verdicts = joined.verdicts();
                if (!joined.edges().isEmpty()) {
                    edges = new ArrayList<>(edges);
                    edges.addAll(joined.edges());
                }
            }
        }
        List<Campaign> campaigns = new CampaignDetector(params.campaign())
                .campaigns(activity, amplifiers(activity, edges, verdicts), progress, termination);
        boolean[] flagged = new boolean[n];
        for (AccountVerdict v : verdicts) {
            flagged[v.account()] = v.suspicious();
        }
        List<CoordinationEdge> reported = StrongestPartners.report(edges, params.cluster().partners(), flagged);
        reported.sort(Comparator.comparingInt(CoordinationEdge::source).thenComparingInt(CoordinationEdge::target)
                .thenComparingInt(e -> CoordinationParams.ALL_SIGNALS.indexOf(e.signal())));
        return new CoordinationResult(reported, clusters, verdicts, campaigns, params, blocks);
    }

    /**
     * The accounts that count as coordinated amplifiers of a campaign: suspicious, or on an edge of one of the
     * {@link AmplifiedSeedSignal#RETWEET_SIGNALS} (the amplifiers a seed's audience is read with, here without the
     * verdict: a campaign counts every coordinated retweeter).
     */
    static boolean[] amplifiers(Activity activity, List<CoordinationEdge> edges, AccountVerdict[] verdicts) {
        boolean[] coordinated = new boolean[activity.accountCount()];
        for (AccountVerdict v : verdicts) {
            coordinated[v.account()] |= v.suspicious();
        }
        for (CoordinationEdge e : edges) {
            if (AmplifiedSeedSignal.RETWEET_SIGNALS.contains(e.signal())) {
                coordinated[e.source()] = true;
                coordinated[e.target()] = true;
            }
        }
        return coordinated;
    }
}
