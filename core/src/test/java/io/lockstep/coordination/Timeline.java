package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityBuilder;
import io.lockstep.activity.PostKind;

import java.util.List;

/** Terse hand-built timelines for signal tests. */
final class Timeline {
    final ActivityBuilder b = new ActivityBuilder();
    private int auto;

    Timeline accounts(String... ids) {
        for (String id : ids) {
            b.account(id);
        }
        return this;
    }

    Timeline tweet(String id, String author, long t) {
        b.addPost(id, author, t, PostKind.TWEET, null, null, null, List.of(), List.of(), List.of());
        return this;
    }

    Timeline tweet(String id, String author, long t, String text, List<String> hashtags, List<String> urls) {
        b.addPost(id, author, t, PostKind.TWEET, null, null, text, hashtags, urls, List.of());
        return this;
    }

    Timeline retweet(String author, long t, String original) {
        b.addPost("rt" + (auto++), author, t, PostKind.RETWEET, original, null, null, List.of(), List.of(),
                List.of());
        return this;
    }

    Timeline reply(String author, long t, String target) {
        b.addPost("re" + (auto++), author, t, PostKind.REPLY, target, null, "reply " + auto, List.of(), List.of(),
                List.of());
        return this;
    }

    int id(String account) {
        return b.findAccount(account);
    }

    Activity build() {
        return b.build();
    }

    /** Co-action settings that switch off similarity and null-model thresholds, to test the scan alone. */
    static CoordinationParams.CoAction scanOnly(long window, int minShared) {
        return new CoordinationParams.CoAction(window, minShared, 0.0, 1.0);
    }
}
