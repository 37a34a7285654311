/**
 * The archive simulator: a {@link io.lockstep.simulate.Simulator} configured by a
 * {@link io.lockstep.simulate.ScenarioConfig} writes an archive in the formats the importers read (users, tweets,
 * follows) with planted influence operations and hard negatives, plus its ground truth ({@code truth.csv}).
 * Knows nothing of Neo4j, the importers or pictures.
 */
package io.lockstep.simulate;
