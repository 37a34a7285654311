/**
 * Community detection on {@link io.lockstep.graph.CompactGraph}s: {@link io.lockstep.community.Leiden} (modularity or
 * CPM, in tested phases), {@link io.lockstep.community.Louvain} and {@link io.lockstep.community.LabelPropagation},
 * all behind {@link io.lockstep.community.CommunityDetection}, plus an independent
 * {@link io.lockstep.community.ModularityComputer} for checking results. Depends only on {@code io.lockstep.graph}
 * and {@code io.lockstep.progress}.
 */
package io.lockstep.community;
