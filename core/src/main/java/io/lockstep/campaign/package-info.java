/**
 * Hashtag-boosting campaigns: per-hashtag bursts, their seeds and their coordinated amplifiers
 * ({@link io.lockstep.campaign.CampaignDetector}, configured by {@link io.lockstep.campaign.CampaignParams}). Its
 * inputs are the activity and a flag per account saying who counts as coordinated; it knows nothing of how
 * coordination is found ({@code io.lockstep.coordination} calls it, never the other way round).
 */
package io.lockstep.campaign;
