package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;

import java.util.Objects;

/**
 * Hashtag sequence: accounts posting the same ordered sequence of at least two hashtags (Pacheco et al.,
 * "Uncovering Coordinated Networks on Social Media", ICWSM 2021, who found scripted accounts by their identical
 * hashtag sequences) within a window (default 3600 s), on at least 2 distinct sequences. Sequences are keyed by a
 * 64-bit hash of the ordered hashtag ids. Scan, weights and null model: {@link CoActionScanner}. Evidence items
 * read {@code #a #b #c}.
 */
public final class HashtagSequenceSignal implements CoordinationSignal {
    private final CoordinationParams.CoAction params;
    private final int maxNeighbours;
    private final int evidenceCap;

    public HashtagSequenceSignal(CoordinationParams params) {
        Objects.requireNonNull(params, "params");
        this.params = params.sequence();
        this.maxNeighbours = params.maxNeighbours();
        this.evidenceCap = params.evidenceCap();
    }

    @Override
    public String name() {
        return HASHTAG_SEQUENCE;
    }

    @Override
    public SignalGraph graph(Activity activity, ProgressListener progress, TerminationFlag termination) {
        int posts = activity.postCount();
        Actions actions = new Actions(Math.max(16, posts / 16));
        Long2IntOpenHashMap ids = new Long2IntOpenHashMap();
        ids.defaultReturnValue(-1);
        ObjectArrayList<String> labels = new ObjectArrayList<>();
        for (int p = 0; p < posts; p++) {
            int k = activity.hashtagCount(p);
            if (k < 2 || !CoHashtagSignal.authored(activity, p)) {
                continue;
            }
            long h = 0x9E3779B97F4A7C15L * k;
            for (int i = 0; i < k; i++) {
                h = MinHasher.mix(h ^ activity.hashtagOf(p, i));
            }
            int id = ids.putIfAbsent(h, labels.size());
            if (id < 0) {
                id = labels.size();
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < k; i++) {
                    b.append(i == 0 ? "#" : " #").append(activity.hashtag(activity.hashtagOf(p, i)));
                }
                labels.add(b.toString());
            }
            actions.add(id, activity.time(p), activity.author(p), p);
        }
        return CoActionScanner.scan(name(), actions, activity.accountCount(), params, maxNeighbours, evidenceCap,
                (key, sourcePost, targetPost) -> labels.get(key), progress, termination);
    }
}
