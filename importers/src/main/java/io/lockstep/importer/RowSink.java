package io.lockstep.importer;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives what a {@link RecordParser} reads. Each input record (a CSV row, a JSON line, an edge line) produces
 * zero or more rows and then exactly one {@link #endRecord()}, or one {@link #reject} or {@link #skip} instead of
 * its rows.
 */
public interface RowSink extends RowConsumer {
    /**
     * The record starting at physical line {@code line} (1-based) is malformed; {@code raw} is its text as far as
     * it could be recovered. Counts as the record's end: no {@link #endRecord()} follows.
     */
    void reject(long line, String reason, String raw);

    /** The current record is complete. */
    void endRecord();

    /**
     * The record starting at physical line {@code line} is well-formed but holds nothing the graph model keeps
     * (tweet counts, a list, a compliance event); {@code what} says what it was. Counts as the record's end: no
     * {@link #endRecord()} follows. By default the same as {@link #endRecord()}.
     */
    default void skip(long line, String what) {
        endRecord();
    }

    /**
     * A sink that gives every post to {@code action} and ignores accounts, edges, rejected records and record ends:
     * for readers that need the posts only.
     */
    static RowSink posts(Consumer<? super PostRow> action) {
        Objects.requireNonNull(action, "action");
        return new Ignoring() {
            @Override
            public void post(PostRow post) {
                action.accept(post);
            }
        };
    }

    /**
     * Gives each row to the action for its type (the one place a sink routes rows by type) and ignores rejected
     * records and record ends: a sink that collects or passes on rows extends it and overrides what it does with
     * record ends, rejects and skips.
     */
    class Forwarding implements RowSink {
        private final Consumer<? super AccountRow> accounts;
        private final Consumer<? super PostRow> posts;
        private final Consumer<? super EdgeRow> edges;

        public Forwarding(Consumer<? super AccountRow> accounts, Consumer<? super PostRow> posts,
                          Consumer<? super EdgeRow> edges) {
            this.accounts = Objects.requireNonNull(accounts, "accounts");
            this.posts = Objects.requireNonNull(posts, "posts");
            this.edges = Objects.requireNonNull(edges, "edges");
        }

        /** Gives every row to {@code rows}. */
        public Forwarding(RowConsumer rows) {
            this(Objects.requireNonNull(rows, "rows")::account, rows::post, rows::edge);
        }

        @Override
        public final void account(AccountRow account) {
            accounts.accept(account);
        }

        @Override
        public final void post(PostRow post) {
            posts.accept(post);
        }

        @Override
        public final void edge(EdgeRow edge) {
            edges.accept(edge);
        }

        @Override
        public void reject(long line, String reason, String raw) {
        }

        @Override
        public void endRecord() {
        }
    }

    /**
     * Ignores every row, rejected record and record end: a sink that needs only some of them extends it and
     * overrides those.
     */
    abstract class Ignoring implements RowSink {
        @Override
        public void account(AccountRow account) {
        }

        @Override
        public void post(PostRow post) {
        }

        @Override
        public void edge(EdgeRow edge) {
        }

        @Override
        public void reject(long line, String reason, String raw) {
        }

        @Override
        public void endRecord() {
        }
    }
}
