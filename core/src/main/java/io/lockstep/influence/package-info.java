/**
 * Influence measures on compact graphs: weighted {@link io.lockstep.influence.PageRank}, {@link io.lockstep.influence.Degrees},
 * {@link io.lockstep.influence.Coreness} (k-core numbers), {@link io.lockstep.influence.SampledBetweenness} and
 * per-community {@link io.lockstep.influence.CommunitySummaries}.
 */
package io.lockstep.influence;
