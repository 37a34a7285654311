/**
 * Community detection on {@link io.lockstep.graph.CompactGraph}s: {@link io.lockstep.community.Leiden} (modularity or
 * CPM), {@link io.lockstep.community.Louvain} and {@link io.lockstep.community.LabelPropagation}, all behind
 * {@link io.lockstep.community.CommunityDetection}, plus an independent
 * {@link io.lockstep.community.ModularityComputer} and {@link io.lockstep.community.PartitionComparison} (NMI) for
 * checking results.
 */
package io.lockstep.community;
