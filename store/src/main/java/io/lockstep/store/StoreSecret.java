package io.lockstep.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The password of an embedded store's {@value #USER} user: 32 random bytes (Base64, URL alphabet) generated when the
 * store is first opened with authentication, kept in {@value #FILE_NAME} inside the store directory, readable and
 * writable by its owner only (mode 0600 where the file system has POSIX permissions). Lockstep's own processes read
 * it from there; a user hands it to other tools with {@code --password-file}.
 */
public final class StoreSecret {
    /** The file in the store directory. */
    public static final String FILE_NAME = "lockstep-secret";
    /** The Neo4j user the secret belongs to. */
    public static final String USER = "neo4j";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private StoreSecret() {
    }

    /** The secret file of the store in {@code home}. */
    public static Path file(Path home) {
        return home.resolve(FILE_NAME);
    }

    /** A fresh secret: 256 random bits. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Reads the secret of {@code home}, or null when the store has none yet. A file others may read is narrowed to
     * its owner before it is used.
     */
    static String read(Path home) {
        Path file = file(home);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            if (posix()) {
                Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(now)) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY);
                }
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw new StoreException(file + " is empty: delete it to give the store a new secret");
            }
            return secret;
        } catch (IOException e) {
            throw new StoreException("cannot read the store secret " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a password from {@code file} (its first line), for {@code --password-file}. */
    public static String readPasswordFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int eol = text.indexOf('\n');
            String password = (eol < 0 ? text : text.substring(0, eol)).strip();
            if (password.isEmpty()) {
                throw new StoreException("password file " + file + " is empty");
            }
            return password;
        } catch (IOException e) {
            throw new StoreException("cannot read password file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code secret} for the store in {@code home}: created owner-only, then moved into place. */
    static void write(Path home, String secret) {
        Path file = file(home);
        Path tmp = home.resolve(FILE_NAME + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            if (posix()) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(tmp);
                ownerOnly(tmp);
            }
            Files.writeString(tmp, secret + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StoreException("cannot write the store secret " + file + ": " + e.getMessage(), e);
        }
    }

    /** Narrows a directory Lockstep has just created to its owner. */
    static void ownerOnlyDirectory(Path dir) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
        }
    }

    private static void ownerOnly(Path file) {
        var f = file.toFile();
        boolean ok = f.setReadable(false, false) & f.setReadable(true, true)
                & f.setWritable(false, false) & f.setWritable(true, true);
        if (!ok) {
            throw new StoreException("cannot make " + file + " readable by its owner only");
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
