/**
 * Influence measures on compact graphs: weighted {@link io.lockstep.influence.PageRank},
 * {@link io.lockstep.influence.Coreness} (k-core numbers) and {@link io.lockstep.influence.SampledBetweenness}.
 * Depends only on {@code io.lockstep.graph} and {@code io.lockstep.progress}.
 */
package io.lockstep.influence;
