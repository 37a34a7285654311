/**
 * Mains that draw the example pictures of docs/pictures from a seeded synthetic network, run by hand; never by the
 * test suite. Test code only: nothing in the product uses them.
 */
package io.lockstep.visual.bench;
