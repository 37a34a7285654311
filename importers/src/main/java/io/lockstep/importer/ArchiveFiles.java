package io.lockstep.importer;

import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityBuilder;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads archive files straight into a core {@link Activity}, without a store: the same format detection and
 * parsers as the store's {@code ArchiveImporter}, for batch work (difficulty sweeps, benchmarks) where Neo4j would
 * only be a detour. Malformed records are counted and skipped; use {@code lockstep import} to keep them in rejects files.
 *
 * <p>The activity is {@linkplain Activity#canonical() canonical}, as the one {@code analyze} builds from the same
 * files or reads from the store: the analysis numbers accounts densely and its partitions and searches are seeded but
 * not invariant to that numbering, so an evaluation must see the archive in the order {@code analyze} sees it, and a
 * file's row order must not change a verdict.
 */
public final class ArchiveFiles {
    private ArchiveFiles() {
    }

    /** What was read: the activity and how many records were malformed. */
    public record Result(Activity activity, long records, long rejects) {
    }

    public static Result read(List<Path> files) throws IOException {
        ActivityBuilder builder = new ActivityBuilder();
        ActivitySink sink = new ActivitySink(builder);
        for (Path file : files) {
            Format format = FormatDetector.formatOf(file);
            try (Reader in = InputFiles.reader(file, new AtomicLong())) {
                format.parser().parse(in, sink);
            }
        }
        return new Result(builder.build().canonical(), sink.records, sink.rejects);
    }

    /** Feeds parsed rows to an {@link ActivityBuilder}, in the graph model's terms (see docs/graph-model.md). */
    static final class ActivitySink implements RowSink {
        private final ActivityBuilder builder;
        long records;
        long rejects;

        ActivitySink(ActivityBuilder builder) {
            this.builder = builder;
        }

        @Override
        public void account(AccountRow a) {
            builder.account(a.id(), a.screenName(), a.createdAt(),
                    a.followersCount() > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) a.followersCount());
        }

        @Override
        public void post(PostRow p) {
            String ref = p.retweetOf() != null ? p.retweetOf() : p.quoteOf() != null ? p.quoteOf() : p.replyTo();
            String refAuthor = p.retweetOf() != null ? p.retweetAuthor()
                    : p.quoteOf() != null ? p.quoteAuthor() : p.replyAuthor();
            builder.addPost(p.id(), p.authorId(), p.time(), p.kind(), ref, refAuthor, p.text(), p.hashtags(),
                    p.urls(), p.mentions());
        }

        @Override
        public void edge(EdgeRow e) {
            if (e.follow()) {
                builder.addFollow(e.source(), e.target());
            } else {
                builder.account(e.source());
                builder.account(e.target());
            }
        }

        @Override
        public void reject(long line, String reason, String raw) {
            rejects++;
        }

        @Override
        public void endRecord() {
            records++;
        }
    }
}
