package io.lockstep.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test sink: keeps everything a parser produced and counts records (a skipped line is one, as RowSink says). */
final class CollectingSink extends RowSink.Forwarding {
    final List<AccountRow> accounts;
    final List<PostRow> posts;
    final List<EdgeRow> edges;
    final List<String> rejects = new ArrayList<>();
    long skipped;
    long records;

    CollectingSink() {
        this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    private CollectingSink(List<AccountRow> accounts, List<PostRow> posts, List<EdgeRow> edges) {
        super(accounts::add, posts::add, edges::add);
        this.accounts = accounts;
        this.posts = posts;
        this.edges = edges;
    }

    @Override
    public void reject(long line, String reason, String raw) {
        rejects.add(line + ": " + reason);
        records++;
    }

    @Override
    public void endRecord() {
        records++;
    }

    @Override
    public void skip(long line, String what) {
        skipped++;
        records++;
    }

    PostRow post(String id) {
        return posts.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    static CollectingSink parse(Format format, Path file) throws IOException {
        CollectingSink sink = new CollectingSink();
        try (var in = InputFiles.reader(file, null)) {
            format.parser().parse(in, sink);
        }
        return sink;
    }
}
