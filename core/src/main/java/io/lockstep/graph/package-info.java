/**
 * Compact analysis graphs: {@link io.lockstep.graph.CompactGraph} (undirected, weighted, CSR; direction and parallel
 * edges folded into summed weights by {@link io.lockstep.graph.CompactGraphBuilder}), {@link io.lockstep.graph.CompactDigraph}
 * (directed, weighted, out- and in-CSR), adapters to and from JGraphT ({@link io.lockstep.graph.JGraphTAdapter}) and
 * deterministic range-parallel loops ({@link io.lockstep.graph.Parallel}).
 */
package io.lockstep.graph;
