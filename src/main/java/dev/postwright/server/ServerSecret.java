package dev.postwright.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The key that signs and checks the server's tokens (HS256). From, in order: the file named by
 * {@code --secret-file}, the {@value #ENV} environment variable, or {@value #FILE} in the data
 * folder, made on first use from 32 random bytes and readable only by its owner, so that
 * {@code serve} and {@code serve token} agree without configuration. Never logged. A secret file
 * that other users may read is used, with a warning in the log: anyone who reads it can sign in
 * as anyone.
 */
public final class ServerSecret {
    private static final System.Logger LOG = System.getLogger(ServerSecret.class.getName());
    public static final String ENV = "POSTWRIGHT_JWT_SECRET";
    public static final String FILE = "server-secret";
    /** HS256 wants a key at least as long as its hash (RFC 7518 §3.2). */
    static final int MIN_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** The data folder cannot hold the secret: it cannot be created or written, or the kept secret cannot be read. */
    public static final class DataFolderException extends IOException {
        DataFolderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private ServerSecret() {}

    /**
     * @param secretFile a file the operator named, or null
     * @throws IllegalArgumentException with a sentence for the operator when the secret is unusable
     * @throws DataFolderException      with a sentence when the secret cannot be kept in {@code dataDir}
     * @throws IOException              when the named {@code secretFile} cannot be read
     */
    public static byte[] load(Path secretFile, Map<String, String> env, Path dataDir) throws IOException {
        if (secretFile != null) {
            if (!Files.isReadable(secretFile)) {
                throw new IllegalArgumentException("The secret file " + secretFile + " cannot be read.");
            }
            warnIfOthersCanRead(secretFile);
            return checked(Files.readString(secretFile, StandardCharsets.UTF_8).strip(), "The secret file " + secretFile);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return checked(fromEnv.strip(), "The " + ENV + " variable");
        Path kept = dataDir.resolve(FILE);
        if (!Files.exists(kept)) {
            try {
                make(kept);
            } catch (IOException e) {
                throw new DataFolderException("Postwright cannot write to its data folder " + dataDir.toAbsolutePath()
                        + ", where it keeps the token secret (" + reason(e) + "). Give your user write access to that "
                        + "folder, choose another with --data-dir, or name a secret with --secret-file.", e);
            }
        }
        warnIfOthersCanRead(kept);
        try {
            return checked(Files.readString(kept, StandardCharsets.UTF_8).strip(), "The secret file " + kept);
        } catch (IOException e) {
            throw new DataFolderException("Postwright cannot read its token secret " + kept.toAbsolutePath() + " ("
                    + reason(e) + "). Give your user read access to it, or delete it to have a new one made "
                    + "(tokens made with the old one stop working).", e);
        }
    }

    /** The operating system's reason, without Java's exception names. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof FileAlreadyExistsException f) return f.getFile() + " is a file, not a folder";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason().toLowerCase(java.util.Locale.ROOT);
        if (e instanceof java.nio.charset.CharacterCodingException) return "it is not text";
        return e.getMessage() != null ? e.getMessage() : "an input or output error";
    }

    private static void make(Path kept) throws IOException {
        Path dataDir = kept.getParent();
        byte[] random = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(random);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        boolean posix = posix(dataDir.getParent() != null ? dataDir.getParent() : dataDir);
        if (!Files.isDirectory(dataDir)) {
            if (dataDir.getParent() != null) Files.createDirectories(dataDir.getParent());
            try {
                // Private like the database beside it (the store makes the folder the same way).
                if (posix) Files.createDirectory(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                else Files.createDirectory(dataDir);
            } catch (FileAlreadyExistsException another) {
                if (!Files.isDirectory(dataDir)) throw another;
            }
        }
        Path temp = posix ? Files.createTempFile(dataDir, "." + FILE, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dataDir, "." + FILE, ".tmp"); // a per-user folder elsewhere
        try {
            Files.writeString(temp, encoded + "\n", StandardCharsets.UTF_8);
            // A hard link is created only if the name is free: when two processes make a secret
            // at once, the first one's file stays and both read it.
            Files.createLink(kept, temp);
        } catch (FileAlreadyExistsException lostTheRace) {
            // the other process's secret is the one
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Only a warning: the operator may share the file with a group on purpose (two services). */
    private static void warnIfOthersCanRead(Path file) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (view == null) return;
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            if (!OWNER_ONLY.containsAll(permissions)) {
                LOG.log(Level.WARNING, "The token secret {0} can be read or changed by other users of this computer "
                        + "({1}); whoever reads it can sign in as anyone. Make it private: chmod 600 {0}", file,
                        PosixFilePermissions.toString(permissions));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // no permissions to check here
        }
    }

    private static boolean posix(Path existing) {
        return Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }

    private static byte[] checked(String secret, String what) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException(what + " holds a secret shorter than " + MIN_BYTES
                    + " bytes; use a longer one (for example 32 random bytes, base64-encoded).");
        }
        return bytes;
    }
}
