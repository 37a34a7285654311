package io.lockstep.campaign;

/**
 * A hashtag-boosting campaign.
 *
 * @param hashtag     lower-case, without '#'
 * @param start       burst start, epoch seconds (inclusive)
 * @param end         burst end, epoch seconds (exclusive)
 * @param seeds       authors whose posts with the hashtag were amplified, ascending account ids
 * @param amplifiers  accounts that retweeted the seeds in lockstep, ascending account ids
 * @param volumeShare share of the hashtag's posts in [start, end) made by seeds and amplifiers
 */
public record Campaign(String hashtag, long start, long end, int[] seeds, int[] amplifiers, double volumeShare) {
    public Campaign {
        seeds = seeds.clone();
        amplifiers = amplifiers.clone();
    }
}
