/**
 * The {@code lockstep} command line: picocli commands ({@link io.lockstep.cli.LockstepCommand}) that parse and check
 * their options (shared ones as mixins: {@link io.lockstep.cli.StoreOptions}, {@link io.lockstep.cli.QuietOption},
 * {@link io.lockstep.cli.SeedOption}, {@link io.lockstep.cli.AnalysisOptions}, {@link io.lockstep.cli.ScenarioOptions};
 * sets of options that are data about one model as tables, {@link io.lockstep.cli.OptionTable}; number options
 * within their {@link io.lockstep.cli.Range}) and delegate to the application layer
 * ({@code io.lockstep.analysis}), the store, the simulator and the visualizer. The only package that sees picocli; it
 * holds no Cypher.
 */
package io.lockstep.cli;
