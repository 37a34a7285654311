package io.lockstep.store;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Lockstep's own lock on an embedded store's directory, held from open to close. Neo4j locks its files only while
 * its DBMS runs; a new store's DBMS may start late (after a bulk load has written its database, see
 * {@link GraphStore#embedded(Path, int)}), so this lock is what keeps a second process (or a second open in this one)
 * from loading the same directory meanwhile.
 */
final class StoreLock implements AutoCloseable {
    static final String FILE_NAME = DirectoryLock.FILE_NAME;

    private final DirectoryLock lock;

    private StoreLock(DirectoryLock lock) {
        this.lock = lock;
    }

    /** Takes the lock of the store in {@code home} (which exists), or throws if another open holds it. */
    static StoreLock take(Path home) {
        DirectoryLock lock;
        try {
            lock = DirectoryLock.tryTake(home);
        } catch (UncheckedIOException e) {
            throw new StoreException(e.getMessage(), e);
        }
        if (lock == null) {
            throw new StoreException("store " + home + " is in use by another process (close it, or use another "
                    + "--store)");
        }
        return new StoreLock(lock);
    }

    @Override
    public void close() {
        try {
            lock.close();
        } catch (UncheckedIOException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }
}
