package io.lockstep.coordination;

import io.lockstep.activity.Activity;

import java.util.List;

/**
 * A group of accounts that act together.
 *
 * @param kind      {@code botnet}, {@code follower-farm}, {@code link-ring}, {@code copypasta} or {@code mixed}
 * @param members   account ids, ascending
 * @param score     in [0, 1], from density, synchrony, creation burst and the share of activity inside bursts
 * @param signals   signals with edges inside the cluster, most edges first (those read after the verdicts,
 *                  amplified-seed, hashtag-push, farm-cohort and creation-cohort, added after scoring, last)
 * @param firstSeen first evidence time (epoch seconds) or {@link Activity#NO_TIME}
 */
public record Cluster(int id, String kind, int[] members, double score, List<String> signals,
                      List<String> topHashtags, long firstSeen, long lastSeen) {
    public Cluster {
        members = members.clone();
        signals = List.copyOf(signals);
        topHashtags = List.copyOf(topHashtags);
    }

    public int size() {
        return members.length;
    }
}
