package io.lockstep.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Lockstep's own lock on an embedded store's directory, held from open to close. Neo4j locks its files only while
 * its DBMS runs; a new store's DBMS may start late (after a bulk load has written its database, see
 * {@link GraphStore#embedded(Path, int)}), so this lock is what keeps a second process (or a second open in this one)
 * from loading the same directory meanwhile.
 */
final class StoreLock implements AutoCloseable {
    static final String FILE_NAME = "lockstep.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of the store in {@code home} (which exists), or throws if another open holds it. */
    static StoreLock take(Path home) {
        FileChannel channel;
        try {
            channel = FileChannel.open(home.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("cannot open " + home.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            lock = null;
        }
        if (lock == null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock was not taken: nothing to release
            }
            throw new StoreException("store " + home + " is in use by another process (close it, or use another "
                    + "--store)");
        }
        return new StoreLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StoreException("cannot release " + FILE_NAME + ": " + e.getMessage(), e);
        }
    }
}
