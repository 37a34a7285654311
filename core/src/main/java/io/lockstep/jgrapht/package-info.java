/**
 * The JGraphT face of Lockstep's core: {@link io.lockstep.jgrapht.LockstepClustering} runs Lockstep's Leiden,
 * Louvain and label propagation as JGraphT {@code ClusteringAlgorithm}s on any JGraphT graph, and
 * {@link io.lockstep.jgrapht.JGraphTGraphs} turns Lockstep's compact projections into JGraphT graphs (a mutable copy,
 * or {@code jgrapht-opt}'s sparse view) for JGraphT's own algorithms, and JGraphT graphs into compact ones. Only this
 * package sees JGraphT; {@code jgrapht-core} and {@code jgrapht-opt} are optional dependencies of {@code core}, so a
 * user of the bridge brings them and nobody else gets them.
 */
package io.lockstep.jgrapht;
