package io.lockstep.importer;

/**
 * A sink that only counts what a parser hands it, for the parse benchmarks: records (each ended or rejected one),
 * posts, accounts and rejects.
 */
final class CountingSink extends RowSink.Ignoring {
    long records;
    long posts;
    long accounts;
    long rejects;

    @Override
    public void account(AccountRow account) {
        accounts++;
    }

    @Override
    public void post(PostRow post) {
        posts++;
    }

    @Override
    public void reject(long line, String reason, String raw) {
        rejects++;
        records++;
    }

    @Override
    public void endRecord() {
        records++;
    }
}
