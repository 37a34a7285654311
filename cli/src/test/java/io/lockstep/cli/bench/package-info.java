/**
 * Benchmark mains of the whole command ({@code AnalyzeBenchmark}) and of the coordination signals on an archive
 * read from its files ({@code SignalsBenchmark}): run by hand through the heavy queue, never by the
 * test suite; they print the figures that docs/benchmarks.md records. Test code only: nothing in the product uses
 * them.
 */
package io.lockstep.cli.bench;
