package io.lockstep.importer;

import java.util.List;

/**
 * Takes parsed rows: accounts, posts and edges. A {@link RowSink} takes them from a parser, with the record
 * boundaries; a consumer that takes rows held back or handed over in batches needs only these.
 */
public interface RowConsumer {
    void account(AccountRow account);

    void post(PostRow post);

    void edge(EdgeRow edge);

    /**
     * Gives each of {@code rows}, in order, to {@link #account}, {@link #post} or {@link #edge} by its type.
     *
     * @throws ClassCastException when a row is none of {@link AccountRow}, {@link PostRow}, {@link EdgeRow}
     */
    default void takeAll(List<?> rows) {
        for (Object row : rows) {
            if (row instanceof PostRow p) {
                post(p);
            } else if (row instanceof AccountRow a) {
                account(a);
            } else {
                edge((EdgeRow) row);
            }
        }
    }
}
