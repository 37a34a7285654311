/**
 * Compact analysis graphs: {@link io.lockstep.graph.CompactGraph} (undirected, weighted, CSR; direction and parallel
 * edges folded into summed weights by {@link io.lockstep.graph.CompactGraphBuilder}), {@link io.lockstep.graph.CompactDigraph}
 * (directed, weighted, out- and in-CSR) and deterministic range-parallel loops ({@link io.lockstep.graph.Parallel}).
 * Depends on nothing else of Lockstep; the JGraphT bridge is {@code io.lockstep.jgrapht}.
 */
package io.lockstep.graph;
