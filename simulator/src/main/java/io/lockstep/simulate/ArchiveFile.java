package io.lockstep.simulate;

import java.nio.file.Path;
import java.util.List;

/**
 * The files of a simulated archive, as {@link Simulator} writes them into one directory: the names {@code simulate}
 * documents, for the code that writes them and the code that reads them back.
 */
public enum ArchiveFile {
    /** Posts in the information-operations tweets format. */
    TWEETS("tweets.csv"),
    /** Accounts in the information-operations users format. */
    USERS("users.csv"),
    /** The follow graph as a follower CSV. */
    FOLLOWS("follows.csv"),
    /** The posts again, in twarc2's CSV layout. */
    TWARC2("tweets-twarc2.csv"),
    /** The posts again, as API v1.1 JSON lines. */
    JSONL("tweets.jsonl"),
    /** The ground truth: {@code account_id,label,group,twitter_id}. */
    TRUTH("truth.csv");

    private final String fileName;

    ArchiveFile(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** This file in the archive directory {@code dir}. */
    public Path in(Path dir) {
        return dir.resolve(fileName);
    }

    /** The files an analysis of the archive in {@code dir} reads: users, tweets and follows, in that order. */
    public static List<Path> analysed(Path dir) {
        return List.of(USERS.in(dir), TWEETS.in(dir), FOLLOWS.in(dir));
    }
}
