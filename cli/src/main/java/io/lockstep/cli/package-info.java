/**
 * The {@code lockstep} command line: picocli commands that parse and check their options (shared ones as mixins:
 * {@link io.lockstep.cli.StoreOptions}, {@link io.lockstep.cli.QuietOption}, {@link io.lockstep.cli.SeedOption},
 * {@link io.lockstep.cli.AnalysisOptions}, {@link io.lockstep.cli.ScenarioOptions}) and delegate to the application
 * layer ({@code io.lockstep.analysis}), the store, the simulator and the visualizer. The only package that sees
 * picocli; it holds no Cypher.
 */
package io.lockstep.cli;
