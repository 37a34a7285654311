package io.lockstep.coordination;

import io.lockstep.activity.Urls;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;

import java.util.Objects;

/**
 * Co-link: accounts sharing the same URL within a window (default 60 s) on at least 3 distinct URLs — coordinated
 * link sharing as in CooRnet (Giglietto, Righetti, Rossi and Marino, "It takes a village to manipulate the media",
 * Information, Communication &amp; Society 2020), but with sliding windows instead of fixed bins. URLs are compared
 * after {@link Urls#shareKey} (scheme, {@code www.}, trailing slash, {@code utm_*} dropped). Only authored posts
 * count. Scan, weights and null model: {@link CoActionScanner}. Evidence items are the normalised URLs.
 */
public final class CoLinkSignal implements CoordinationSignal {
    private final CoordinationParams.CoAction params;
    private final int maxNeighbours;
    private final int evidenceCap;

    public CoLinkSignal(CoordinationParams params) {
        Objects.requireNonNull(params, "params");
        this.params = params.coLink();
        this.maxNeighbours = params.maxNeighbours();
        this.evidenceCap = params.evidenceCap();
    }

    @Override
    public String name() {
        return CO_LINK;
    }

    @Override
    public SignalGraph graph(Activity activity, ProgressListener progress, TerminationFlag termination) {
        UrlActions urls = UrlActions.of(activity);
        return CoActionScanner.scan(name(), urls.actions(), activity.accountCount(), params, maxNeighbours,
                evidenceCap, urls::label, progress, termination);
    }

    /**
     * The URL shares of an archive: one action per distinct normalised URL ({@link Urls#shareKey}) of each authored
     * post, keyed by the URL's number in {@code names}. Shared by co-link and co-link-slow. O(posts + URLs).
     */
    record UrlActions(Actions actions, ObjectArrayList<String> names) {
        static UrlActions of(Activity activity) {
            int[] normalId = new int[activity.urlDictionarySize()];
            Object2IntOpenHashMap<String> index = new Object2IntOpenHashMap<>();
            index.defaultReturnValue(-1);
            ObjectArrayList<String> names = new ObjectArrayList<>();
            for (int u = 0; u < normalId.length; u++) {
                String norm = Urls.shareKey(activity.url(u));
                int id = index.getInt(norm);
                if (id < 0) {
                    id = names.size();
                    index.put(norm, id);
                    names.add(norm);
                }
                normalId[u] = id;
            }
            int posts = activity.postCount();
            Actions actions = new Actions(Math.max(16, posts / 8));
            for (int p = 0; p < posts; p++) {
                int k = activity.urlCount(p);
                if (k == 0 || !CoHashtagSignal.authored(activity, p)) {
                    continue;
                }
                for (int i = 0; i < k; i++) {
                    int id = normalId[activity.urlOf(p, i)];
                    boolean repeated = false;
                    for (int j = 0; j < i; j++) {
                        repeated |= normalId[activity.urlOf(p, j)] == id;
                    }
                    if (!repeated) {
                        actions.add(id, activity.time(p), activity.author(p), p);
                    }
                }
            }
            return new UrlActions(actions, names);
        }

        /** The normalised URL of item {@code key}, as evidence. */
        String label(int key, int sourcePost, int targetPost) {
            return names.get(key);
        }
    }
}
