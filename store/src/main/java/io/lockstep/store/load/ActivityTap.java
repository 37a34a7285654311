package io.lockstep.store.load;

import io.lockstep.store.ResultWriter;

import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityBuilder;
import io.lockstep.importer.AccountRow;
import io.lockstep.importer.EdgeRow;
import io.lockstep.importer.PostRow;
import io.lockstep.progress.ProgressListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The in-memory {@link Activity} of what an import writes, built from the same parsed rows while they go to the
 * store, so that {@code analyze} need not read back what it has just loaded. The rows are applied with the store's
 * semantics (one node per id, a post seen twice keeps its first row, a placeholder original gets the first author a
 * reference names, one relationship per pair, a post's reference is the one its kind names, empty texts are
 * absent), and the result is {@linkplain Activity#canonical() canonical}: it equals what
 * {@code io.lockstep.store.ActivityReader} reads from the store after the import.
 *
 * <p>Only a load into an empty store taps the rows (then the store holds exactly the files); any other import
 * {@linkplain #decline() declines}, and the caller reads the store back. Fed on one thread; {@link #await()} may be
 * called on another and returns once every file is parsed, while the import itself may still be writing; the
 * activity is built on the thread that awaits it, so that the import goes on to Neo4j meanwhile.
 */
public final class ActivityTap {
    /** The phase of {@link #await(ProgressListener)} that turns the tapped rows into an activity. */
    public static final String ROWS_INTO_COLUMNS = "Activity from the parsed rows";
    /** The phase of {@link #await(ProgressListener)} that puts the activity in its canonical order. */
    public static final String CANONICAL_ORDER = "Activity in canonical order";

    /** Fed until complete(); released once the activity is built (its maps are as large as the activity). */
    private ActivityBuilder builder = new ActivityBuilder();
    /** The builder's account id of each account index a caller gave {@link #edge(EdgeRow, int, int)} (-1: none yet). */
    private int[] builderIds = new int[0];
    /** Completed once every row is in the builder (false: declined). */
    private final CompletableFuture<Boolean> result = new CompletableFuture<>();
    private Activity built;
    /** The accounts' ids and the node ids the bulk load gave them (null until staged). */
    private volatile ResultWriter.AccountNodes staged;

    void account(AccountRow a) {
        builder.account(a.id(), a.screenName(), a.createdAt(),
                a.followersCount() < 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, a.followersCount()));
    }

    void post(PostRow p) {
        List<PostRow.Reference> refs = p.references();
        PostRow.Reference ref = refs.isEmpty() ? null : refs.get(0);
        String text = p.text() == null || p.text().isEmpty() ? null : p.text();
        builder.addPost(p.id(), p.authorId(), p.time(), p.kind(), ref == null ? null : ref.post(),
                ref == null ? null : ref.author(), text, p.hashtags(), distinct(p.urls()), distinct(p.mentions()));
    }

    void edge(EdgeRow e) {
        if (e.follow()) {
            builder.addFollow(e.source(), e.target());
        } else {
            builder.account(e.source());
            builder.account(e.target());
        }
    }

    /**
     * As {@link #edge(EdgeRow)} for a caller that numbered the edge's accounts itself ({@code source} and
     * {@code target}: its dense indices, in first-seen order over the same rows, as the bulk staging numbers them):
     * each index is looked up in the builder by its string once, then by the index. The builder sees the same
     * accounts in the same order as through {@link #edge(EdgeRow)}, so the activity is the same.
     */
    void edge(EdgeRow e, int source, int target) {
        int a = account(source, e.source());
        int b = account(target, e.target());
        if (e.follow()) {
            builder.addFollow(a, b);
        }
    }

    /** The builder's dense id of the account the caller numbers {@code index}, whose id is {@code id}. */
    private int account(int index, String id) {
        int[] known = builderIds;
        if (index < known.length && known[index] >= 0) {
            return known[index];
        }
        int a = builder.account(id);
        if (index >= known.length) {
            int grown = Math.max(index + 1, known.length * 2);
            known = Arrays.copyOf(known, grown);
            Arrays.fill(known, builderIds.length, grown, -1);
            builderIds = known;
        }
        known[index] = a;
        return a;
    }

    private static List<String> distinct(List<String> values) {
        return values.size() < 2 ? values : new ArrayList<>(new LinkedHashSet<>(values));
    }

    /** The staging numbered the accounts' nodes: {@code nodes[i]} is account {@code ids.get(i)}'s node id. */
    void staged(List<String> ids, int[] nodes) {
        staged = ResultWriter.AccountNodes.of(ids, nodes);
    }

    /**
     * The node id of every account the bulk load staged (the importer keeps the staged numbers as node ids), so that
     * the write-back need not read them back; null when nothing was staged. Valid once the load has completed.
     */
    public ResultWriter.AccountNodes accountNodes() {
        return staged;
    }

    /** Every file is parsed: the activity can be built. */
    void complete() {
        result.complete(true);
    }

    /** This import does not tap its rows (the store held data already, or it is not a bulk load). */
    void decline() {
        result.complete(false);
    }

    /** The import failed before every file was parsed. */
    void fail(Throwable e) {
        result.completeExceptionally(e);
    }

    /**
     * Waits until the files are parsed.
     *
     * @return the activity, or null when this import did not tap its rows (read the store instead)
     * @throws CancellationException when the import failed or was cancelled before the files were parsed
     */
    public Activity await() {
        return await(ProgressListener.NONE);
    }

    /**
     * As {@link #await()}, and once the files are parsed, {@code progress} gets the building as two phases:
     * {@value #ROWS_INTO_COLUMNS} (the builder's lists into the activity's arrays) and {@value #CANONICAL_ORDER}
     * ({@link Activity#canonical()}).
     */
    public synchronized Activity await(ProgressListener progress) {
        boolean tapped;
        try {
            tapped = result.join();
        } catch (CompletionException e) {
            throw new CancellationException("import failed: " + e.getCause().getMessage());
        }
        if (tapped && built == null) {
            progress.begin(ROWS_INTO_COLUMNS, -1);
            Activity rows = builder.build();
            builder = null;
            builderIds = null;
            progress.end();
            progress.begin(CANONICAL_ORDER, -1);
            built = rows.canonical();
            progress.end();
        }
        return built;
    }
}
