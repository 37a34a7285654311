/** Hashtag-boosting campaigns: per-hashtag bursts, their seeds and their lockstep amplifiers. */
package io.lockstep.campaign;
