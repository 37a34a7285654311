/**
 * Graph layout on primitive arrays: ForceAtlas2 with a Barnes–Hut quadtree, and overlap removal. Depends only on
 * {@code io.lockstep.graph} and {@code io.lockstep.progress}; knows nothing of scenes or GraphStream.
 */
package io.lockstep.visual.layout;
