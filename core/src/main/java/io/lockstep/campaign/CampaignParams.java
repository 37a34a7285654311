package io.lockstep.campaign;

/**
 * Hashtag campaigns: {@code bin}-second counts per hashtag; a bin is a burst when it holds at least {@code minPosts}
 * posts and at least {@code factor} times the hashtag's baseline (its median bin count over the archive span, plus
 * one); inside a burst a seed needs {@code minAmplifiers} coordinated retweeters.
 */
public record CampaignParams(long bin, int minPosts, double factor, int minAmplifiers) {
    public CampaignParams {
        if (bin <= 0) {
            throw new IllegalArgumentException("bin must be > 0 seconds, was " + bin);
        }
        if (minPosts < 1) {
            throw new IllegalArgumentException("minPosts must be >= 1, was " + minPosts);
        }
        if (!(factor >= 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be >= 1 and finite, was " + factor);
        }
        if (minAmplifiers < 1) {
            throw new IllegalArgumentException("minAmplifiers must be >= 1, was " + minAmplifiers);
        }
    }

    /** Hourly bins, bursts of at least 20 posts and 5 times the baseline, 5 coordinated amplifiers. */
    public static CampaignParams defaults() {
        return new CampaignParams(3600, 20, 5.0, 5);
    }
}
