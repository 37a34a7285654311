/**
 * Evaluation against a simulated truth: {@link io.lockstep.evaluate.Evaluation} scores a verdict file per planted
 * group, {@link io.lockstep.evaluate.DifficultySweep} runs simulate, detect and evaluate across difficulty levels for
 * any {@link io.lockstep.evaluate.ArchiveDetector}, {@link io.lockstep.evaluate.FastRetweetBaseline} is the naive reference
 * rule. Knows nothing of Neo4j or pictures (the visualizer draws the sweep).
 */
package io.lockstep.evaluate;
