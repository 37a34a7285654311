package io.lockstep.coordination;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * A growable list of actions for one co-action signal: (item key, time, account, post). Keys are dense ints chosen by
 * the signal (an original's post id, a hashtag id, a URL id, a text cluster id…). Package-private scratch type.
 */
final class Actions {
    final IntArrayList key;
    final LongArrayList time;
    final IntArrayList account;
    final IntArrayList post;

    Actions(int expected) {
        key = new IntArrayList(expected);
        time = new LongArrayList(expected);
        account = new IntArrayList(expected);
        post = new IntArrayList(expected);
    }

    void add(int itemKey, long epochSeconds, int acc, int postId) {
        key.add(itemKey);
        time.add(epochSeconds);
        account.add(acc);
        post.add(postId);
    }

    int size() {
        return key.size();
    }
}
