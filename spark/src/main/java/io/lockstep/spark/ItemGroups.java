package io.lockstep.spark;

import io.lockstep.coordination.CoActionKernel;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.objects.ObjectArrays;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Walks a partition of encoded actions sorted by {@code (signal, item, time, account, post)} one item at a time,
 * with a post that occurs twice (an archive read twice) kept once, and hands each item's actions as parallel
 * arrays to {@link #item}, whose output rows are returned lazily. Columns: signal, item, account id, post, time.
 */
abstract class ItemGroups implements Iterator<Row> {
    private final Iterator<Row> in;
    private Row next;
    private Iterator<Row> out = Collections.emptyIterator();
    protected long[] times = new long[16];
    protected int[] accounts = new int[16];
    protected String[] posts = new String[16];
    protected List<Row> emitted = new ArrayList<>();
    /** The current item's distinct accounts, in its first {@link #distinctAccounts} entries. */
    protected int[] distinct = new int[16];

    ItemGroups(Iterator<Row> in) {
        this.in = in;
        this.next = in.hasNext() ? in.next() : null;
    }

    /** Emits the rows for one item's {@code n} actions into {@link #emitted}. */
    protected abstract void item(int signal, String item, int n);

    /**
     * The distinct accounts of the current item's {@code n} actions into {@link #distinct}
     * ({@link CoActionKernel#distinctAccounts}); returns how many there are.
     */
    protected int distinctAccounts(int n) {
        if (distinct.length < n) {
            distinct = new int[Math.max(n, 2 * distinct.length)];
        }
        return CoActionKernel.distinctAccounts(accounts, n, distinct);
    }

    /** Emits rows after the partition's last item (none by default). */
    protected void end() {
    }

    /**
     * The rows after the partition's last item: {@link #end}'s by default; a subclass with many (a partition's
     * aggregates) returns them lazily, so that they are made only as Spark consumes them.
     */
    protected Iterator<Row> endRows() {
        emitted.clear();
        end();
        return handOver();
    }

    /** The rows emitted so far, handed to the consumer; {@link #emitted} starts empty again. */
    private Iterator<Row> handOver() {
        List<Row> batch = emitted;
        emitted = new ArrayList<>();
        return batch.iterator();
    }

    private boolean ended;

    @Override
    public boolean hasNext() {
        while (!out.hasNext() && (next != null || !ended)) {
            if (next == null) {
                ended = true;
                out = endRows();
                break;
            }
            int signal = next.getInt(0);
            String item = next.getString(1);
            int n = 0;
            while (next != null && next.getInt(0) == signal && next.getString(1).equals(item)) {
                String post = next.getString(3);
                int account = next.getInt(2);
                long time = next.getLong(4);
                if (n == 0 || !(post.equals(posts[n - 1]) && account == accounts[n - 1] && time == times[n - 1])) {
                    times = LongArrays.grow(times, n + 1);
                    accounts = IntArrays.grow(accounts, n + 1);
                    posts = ObjectArrays.grow(posts, n + 1);
                    times[n] = time;
                    accounts[n] = account;
                    posts[n] = post;
                    n++;
                }
                next = in.hasNext() ? in.next() : null;
            }
            emitted.clear();
            item(signal, item, n);
            out = handOver();
        }
        return out.hasNext();
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return out.next();
    }
}
