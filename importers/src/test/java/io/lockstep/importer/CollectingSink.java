package io.lockstep.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test sink: keeps everything a parser produced and counts records (a skipped line is one, as RowSink says). */
final class CollectingSink implements RowSink {
    final List<AccountRow> accounts = new ArrayList<>();
    final List<PostRow> posts = new ArrayList<>();
    final List<EdgeRow> edges = new ArrayList<>();
    final List<String> rejects = new ArrayList<>();
    long skipped;
    long records;

    @Override
    public void account(AccountRow account) {
        accounts.add(account);
    }

    @Override
    public void post(PostRow post) {
        posts.add(post);
    }

    @Override
    public void edge(EdgeRow edge) {
        edges.add(edge);
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
