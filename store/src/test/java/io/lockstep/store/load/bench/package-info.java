/**
 * Benchmark mains and their helpers for the import paths (transactional writer, bulk loader, the importer alone, the
 * write ceiling, CoorTweet round trips): run by hand through the heavy queue, never by the test suite; they print
 * the figures that docs/benchmarks.md records. Test code only: nothing in the product uses them.
 */
package io.lockstep.store.load.bench;
