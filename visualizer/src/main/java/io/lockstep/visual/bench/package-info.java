/** Benchmark and example-picture main classes (not used by the product code). */
package io.lockstep.visual.bench;
