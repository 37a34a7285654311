package io.lockstep.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a directory that one Lockstep process writes, held from {@link #tryTake} to {@link #close}: a
 * lock file in the directory locked through the operating system ({@link FileChannel#tryLock}, advisory, released
 * by the system when the process dies, so a crashed run leaves nothing to clean up). Two runs given the same
 * directory would otherwise write and read each other's files (one run's verdicts scored against another archive's
 * truth, with no error when the ids happen to match); the second is refused at once. Not reentrant: a second
 * {@code tryTake} of the same directory in one process is refused too.
 */
public final class DirectoryLock implements AutoCloseable {
    /** The lock file's name inside the locked directory. */
    public static final String FILE_NAME = "lockstep.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dir}, creating the directory if needed; null when another holder has it (this
     * process or another). Throws {@link UncheckedIOException} when the directory or its lock file cannot be made.
     */
    public static DirectoryLock tryTake(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
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
            return null;
        }
        return new DirectoryLock(file, channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + file + ": " + e.getMessage(), e);
        }
    }
}
