package io.lockstep.importer;

import java.util.ArrayList;
import java.util.List;

/** Test sink: keeps posts and accounts, lists rejects and counts skipped records. */
final class CountingSink implements RowSink {
    final List<AccountRow> accounts = new ArrayList<>();
    final List<PostRow> posts = new ArrayList<>();
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
}
