package io.lockstep.spark;

import io.lockstep.coordination.CoActionKernel;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The strength model's background and the pair selection over the counted pairs held as primitive arrays: each
 * partition's distinct pairs of a signal are one {@link Block} (pair keys, counts, fixed-point Σw², the round's
 * flags as a bit set) in a cached RDD, and each round of core's fixed-point iteration is one pass of
 * {@link CoActionKernel#backgroundRound} over every block with the round's strengths broadcast (dense, one
 * {@code long} per signal and account), followed by the per-block strength sums
 * ({@link CoActionKernel#addBackgroundStrengths}), shuffled by account range and collected. No row per pair after
 * the blocks are built, no query planning per round.
 *
 * <p>Cost per round: one loop over the counted pairs (a tail test, two array reads per pair), a shuffle of one
 * 12 B entry per (signal, account touched, partition), the collect of 8 B per (signal, account), a broadcast of the
 * same. Memory: 20 B per counted pair in the blocks plus 2 bits per pair (the round's flags and the round
 * before's; older rounds' blocks are dropped once the next round is cached), a dense {@code long} per account
 * and signal in each task that sums strengths.
 * Deterministic: the flags are a pure function of the counts; integer sums in any order.
 */
final class PairBlocks {
    private PairBlocks() {
    }

    /** One partition's counted pairs of one signal, with the background's flags of the last round computed. */
    static final class Block implements Serializable {
        final int signal;
        final int n;
        final long[] pairs;
        final int[] counts;
        final long[] units;
        /** Bit i: pair i is in the background of this round. */
        final long[] flags;
        /** The flags of the round before (null in round 0), to tell a two-round cycle from slow settling. */
        final long[] previous;
        /** Flags changed by this round (round 0: flags set). */
        final int changed;
        /** Flags that differ from those two rounds before (-1 before round 2): 0 with changes is a 2-cycle. */
        final int fromOlder;

        Block(int signal, int n, long[] pairs, int[] counts, long[] units, long[] flags, long[] previous,
              int changed, int fromOlder) {
            this.signal = signal;
            this.n = n;
            this.pairs = pairs;
            this.counts = counts;
            this.units = units;
            this.flags = flags;
            this.previous = previous;
            this.changed = changed;
            this.fromOlder = fromOlder;
        }

    }

    /** What the background iteration found: the blocks with their final flags, strengths, co-occurrences. */
    record Background(JavaRDD<Block> blocks, long[][] strength, long[] coOccurrences, int rounds,
                      List<long[]> changesPerRound, List<Broadcast<long[][]>> broadcasts) {
        /** Drops the blocks and the rounds' broadcasts (kept until now: a lost block is recomputed from them). */
        void release() {
            blocks.unpersist(false);
            for (Broadcast<long[][]> b : broadcasts) {
                b.destroy();
            }
        }
    }

    /**
     * The pairs a block selected: pair keys, counts, weights, the counts the null model expects of them
     * ({@link CoActionKernel#expected}); and the pairs whose item overlap decides
     * ({@link CoActionKernel#needsOverlap}): their keys, counts, windowed units and strength-model expectations.
     */
    record Selected(int signal, long[] pairs, int[] counts, double[] weights, double[] expected, long[] pending,
                    int[] pendingCounts, long[] pendingUnits, double[] pendingStrength) implements Serializable {
    }

    /**
     * Builds the blocks from {@code pairStats} (rows {@code signal, pair, count, units}, one per distinct pair) and
     * runs core's iteration: round 0 (the volume model) in the same pass, then up to
     * {@link CoActionKernel#MAX_BACKGROUND_ROUNDS} rounds, stopping when a round changes no flag.
     *
     * @param volume items per (signal, account), dense; broadcast once
     */
    static Background background(SparkSession spark, JavaSparkContext jsc, JavaRDD<Row> pairStats, Broadcast<int[][]> volume,
                                 Broadcast<CoActionKernel.Expansion[]> expansion, List<Integer> wanted, int codes, int accounts, double[] chance, double[] maxPValue,
                                 int ranges) {
        JavaRDD<Block> blocks = pairStats.mapPartitions(rows -> {
            LongArrayList[] pairs = new LongArrayList[codes];
            IntArrayList[] counts = new IntArrayList[codes];
            LongArrayList[] units = new LongArrayList[codes];
            while (rows.hasNext()) {
                Row r = rows.next();
                int s = r.getInt(0);
                if (pairs[s] == null) {
                    pairs[s] = new LongArrayList();
                    counts[s] = new IntArrayList();
                    units[s] = new LongArrayList();
                }
                pairs[s].add(r.getLong(1));
                counts[s].add((int) r.getLong(2));
                units[s].add(r.getLong(3));
            }
            int[][] vol = volume.value();
            List<Block> out = new ArrayList<>();
            for (int s = 0; s < codes; s++) {
                if (pairs[s] == null) {
                    continue;
                }
                int n = pairs[s].size();
                long[] p = pairs[s].toLongArray();
                int[] c = counts[s].toIntArray();
                long[] flags = new long[(n + 63) >>> 6];
                int set = CoActionKernel.backgroundRound(p, c, n, vol[s], chance[s], null, null, 0,
                        expansion.value()[s], new CoActionKernel.TailTest(maxPValue[s]), flags);
                out.add(new Block(s, n, p, c, units[s].toLongArray(), flags, null, set, -1));
            }
            return out.iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK());
        List<long[]> changes = new ArrayList<>();
        Sums sums = strengths(blocks, wanted, codes, accounts, ranges);
        changes.add(new long[]{sums.changed, sums.fromOlder});
        int rounds = 0;
        List<Broadcast<long[][]>> broadcasts = new ArrayList<>();
        SparkCoActions.phase(spark, "5 background rounds 1-" + CoActionKernel.MAX_BACKGROUND_ROUNDS);
        for (int round = 1; round <= CoActionKernel.MAX_BACKGROUND_ROUNDS; round++) {
            Broadcast<long[][]> current = jsc.broadcast(sums.strength);
            broadcasts.add(current);
            double[] total = expandedTotals(expansion.value(), sums.strength);
            JavaRDD<Block> next = blocks.map(b -> {
                long[] flags = new long[b.flags.length];
                int changed = CoActionKernel.backgroundRound(b.pairs, b.counts, b.n, volume.value()[b.signal],
                        chance[b.signal], b.flags, current.value()[b.signal], total[b.signal],
                        expansion.value()[b.signal], new CoActionKernel.TailTest(maxPValue[b.signal]), flags);
                int fromOlder = -1;
                if (b.previous != null) {
                    fromOlder = 0;
                    for (int k = 0; k < flags.length; k++) {
                        fromOlder += Long.bitCount(flags[k] ^ b.previous[k]);
                    }
                }
                return new Block(b.signal, b.n, b.pairs, b.counts, b.units, flags, b.flags, changed, fromOlder);
            }).persist(StorageLevel.MEMORY_AND_DISK());
            // one job: the round's flags (cached) and, from them, the strengths and the changed flags
            Sums nextSums = strengths(next, wanted, codes, accounts, ranges);
            changes.add(new long[]{nextSums.changed, nextSums.fromOlder});
            // the broadcast stays alive until release(): a cached block lost later is recomputed from its lineage
            if (nextSums.changed == 0) {
                next.unpersist(false);
                break;
            }
            blocks.unpersist(false);
            blocks = next;
            sums = nextSums;
            rounds = round;
        }
        return new Background(blocks, sums.strength, sums.coOccurrences, rounds, changes, broadcasts);
    }

    /**
     * Per signal, the background's co-occurrences expanded as its strengths are ({@link CoActionKernel.Expansion#expandedTotal}),
     * computed on the driver in account order, as core computes them.
     */
    private static double[] expandedTotals(CoActionKernel.Expansion[] expansion, long[][] strength) {
        double[] total = new double[strength.length];
        for (int s = 0; s < strength.length; s++) {
            if (strength[s] != null && expansion[s] != null) {
                total[s] = expansion[s].expandedTotal(strength[s]);
            }
        }
        return total;
    }

    /** The background's strengths per signal and account, its co-occurrences per signal, the round's changes. */
    private record Sums(long[][] strength, long[] coOccurrences, long changed, long fromOlder) {
    }

    /** A task's strength sums over one account range of {@code length} accounts: offsets in the range, sums. */
    private record Part(int length, int[] index, long[] value) implements Serializable {
    }

    private static final int STATS = -1;

    /**
     * The number of account ranges the strength sums are reduced in: enough ranges of at most
     * {@code rangeAccounts} accounts to cover {@code accounts}, at most {@code partitions} (the shuffle partitions),
     * at least one.
     */
    static int ranges(int accounts, int partitions, int rangeAccounts) {
        long needed = ((long) accounts + rangeAccounts - 1) / rangeAccounts;
        return (int) Math.max(1, Math.min(Math.max(1, partitions), needed));
    }

    /**
     * Sums the strengths of the blocks' flagged pairs: each task sums its blocks into one dense array per signal,
     * then sends each account range's non-zero entries to the range's reducer, which adds them into a dense array;
     * the driver collects the ranges (8 B per signal and account). The co-occurrences per signal and the changed
     * flags travel under one extra key.
     */
    private static Sums strengths(JavaRDD<Block> blocks, List<Integer> wanted, int codes, int accounts,
                              int ranges) {
        int rangeLength = Math.max(1, (accounts + ranges - 1) / ranges);
        JavaPairRDD<Integer, Part> parts = blocks.mapPartitionsToPair(it -> {
            long[][] dense = new long[codes][];
            long[] stats = new long[codes + 2];
            while (it.hasNext()) {
                Block b = it.next();
                if (dense[b.signal] == null) {
                    dense[b.signal] = new long[accounts];
                }
                stats[b.signal] += CoActionKernel.addBackgroundStrengths(b.pairs, b.counts, b.n, b.flags,
                        dense[b.signal]);
                stats[codes] += b.changed;
                stats[codes + 1] += Math.max(0, b.fromOlder);
            }
            List<Tuple2<Integer, Part>> out = new ArrayList<>();
            for (int s = 0; s < codes; s++) {
                if (dense[s] == null) {
                    continue;
                }
                for (int from = 0, r = 0; from < accounts; from += rangeLength, r++) {
                    int to = Math.min(accounts, from + rangeLength);
                    int k = 0;
                    for (int a = from; a < to; a++) {
                        if (dense[s][a] != 0) {
                            k++;
                        }
                    }
                    if (k == 0) {
                        continue;
                    }
                    int[] index = new int[k];
                    long[] value = new long[k];
                    k = 0;
                    for (int a = from; a < to; a++) {
                        if (dense[s][a] != 0) {
                            index[k] = a - from;
                            value[k++] = dense[s][a];
                        }
                    }
                    out.add(new Tuple2<>(s * ranges + r, new Part(to - from, index, value)));
                }
            }
            int[] all = new int[codes + 2];
            Arrays.setAll(all, i -> i);
            out.add(new Tuple2<>(STATS, new Part(codes + 2, all, stats)));
            return out.iterator();
        });
        List<Tuple2<Integer, long[]>> summed = parts.combineByKey(PairBlocks::dense, PairBlocks::add,
                (x, y) -> {
                    for (int i = 0; i < x.length; i++) {
                        x[i] += y[i];
                    }
                    return x;
                }, new HashPartitioner(ranges), false, null).collect();
        long[][] strength = new long[codes][];
        for (int s : wanted) {
            strength[s] = new long[accounts];
        }
        long[] coOccurrences = new long[codes];
        long changed = 0, fromOlder = 0;
        for (Tuple2<Integer, long[]> t : summed) {
            long[] v = t._2();
            if (t._1() == STATS) {
                System.arraycopy(v, 0, coOccurrences, 0, codes);
                changed = v[codes];
                fromOlder = v[codes + 1];
                continue;
            }
            int s = t._1() / ranges, r = t._1() % ranges;
            System.arraycopy(v, 0, strength[s], r * rangeLength, v.length);
        }
        return new Sums(strength, coOccurrences, changed, fromOlder);
    }

    private static long[] dense(Part p) {
        return add(new long[p.length()], p);
    }

    private static long[] add(long[] dense, Part p) {
        int[] index = p.index();
        long[] value = p.value();
        for (int i = 0; i < index.length; i++) {
            dense[index[i]] += value[i];
        }
        return dense;
    }

    /**
     * The pairs that pass each signal's thresholds and null model, with their weights: one pass over the blocks
     * with the accounts' volumes and norms and the background's strengths broadcast ({@link CoActionKernel#select}
     * for every pair counted at least {@code minShared} times); the pairs whose item overlap decides are returned
     * apart, for {@code SparkCoActions} to measure their overlap and finish the selection.
     */
    static List<Selected> select(JavaSparkContext jsc, Background bg, Broadcast<int[][]> volume,
                                 Broadcast<CoActionKernel.Expansion[]> expansion, double[][] norms,
                                 double[] chance, int[] active, SparkCoActions.Thresholds[] thresholds) {
        Broadcast<double[][]> norm = jsc.broadcast(norms);
        Broadcast<long[][]> strength = jsc.broadcast(bg.strength());
        double[] total = expandedTotals(expansion.value(), bg.strength());
        List<Selected> selected = bg.blocks().map(b -> {
            int s = b.signal;
            int[] vol = volume.value()[s];
            double[] nrm = norm.value()[s];
            long[] st = strength.value()[s];
            var p = thresholds[s].coAction();
            LongArrayList pairs = new LongArrayList();
            IntArrayList counts = new IntArrayList();
            DoubleArrayList weights = new DoubleArrayList();
            DoubleArrayList expected = new DoubleArrayList();
            LongArrayList pending = new LongArrayList();
            IntArrayList pendingCounts = new IntArrayList();
            LongArrayList pendingUnits = new LongArrayList();
            DoubleArrayList pendingStrength = new DoubleArrayList();
            CoActionKernel.TailTest test = new CoActionKernel.TailTest(p.maxPValue());
            boolean overlapGate = CoActionKernel.overlapGate(ActionSignals.name(s));
            for (int i = 0; i < b.n; i++) {
                int c = b.counts[i];
                if (c < p.minShared()) {
                    continue;
                }
                long pair = b.pairs[i];
                int u = (int) (pair >>> 32), v = (int) pair;
                long own = (b.flags[i >>> 6] & (1L << i)) != 0 ? c : 0;
                CoActionKernel.Expansion x = expansion.value()[s];
                double lambda = CoActionKernel.strengthExpectation(st[u] - own, st[v] - own,
                        total[s] - x.ownExpanded(u, v, own), u, v, x);
                double pairChance = x.pairChance(chance[s], u, v);
                double w = CoActionKernel.select(c, b.units[i], b.units[i], vol[u], nrm[u], vol[v], nrm[v],
                        pairChance, lambda, active[s], p, test);
                if (!Double.isNaN(w)) {
                    pairs.add(pair);
                    counts.add(c);
                    weights.add(w);
                    expected.add(CoActionKernel.expected(vol[u], vol[v], pairChance, lambda));
                } else if (overlapGate && CoActionKernel.needsOverlap(c, b.units[i], vol[u], nrm[u], vol[v], nrm[v],
                        pairChance, lambda, p, test)) {
                    pending.add(pair);
                    pendingCounts.add(c);
                    pendingUnits.add(b.units[i]);
                    pendingStrength.add(lambda);
                }
            }
            return new Selected(s, pairs.toLongArray(), counts.toIntArray(), weights.toDoubleArray(),
                    expected.toDoubleArray(), pending.toLongArray(), pendingCounts.toIntArray(), pendingUnits.toLongArray(),
                    pendingStrength.toDoubleArray());
        }).filter(x -> x.pairs().length > 0 || x.pending().length > 0).collect();
        norm.destroy();
        strength.destroy();
        return selected;
    }
}
