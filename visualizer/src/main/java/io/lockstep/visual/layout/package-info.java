/** Graph layout on primitive arrays: ForceAtlas2 with a Barnes–Hut quadtree, and overlap removal. */
package io.lockstep.visual.layout;
