package dev.postwright.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code serve} and {@code serve token} agree without configuration. Never logged.
 */
public final class ServerSecret {
    public static final String ENV = "POSTWRIGHT_JWT_SECRET";
    public static final String FILE = "server-secret";
    /** HS256 wants a key at least as long as its hash (RFC 7518 §3.2). */
    static final int MIN_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private ServerSecret() {}

    /**
     * @param secretFile a file the operator named, or null
     * @throws IllegalArgumentException with a sentence for the operator when the secret is unusable
     */
    public static byte[] load(Path secretFile, Map<String, String> env, Path dataDir) throws IOException {
        if (secretFile != null) {
            if (!Files.isReadable(secretFile)) {
                throw new IllegalArgumentException("The secret file " + secretFile + " cannot be read.");
            }
            return checked(Files.readString(secretFile, StandardCharsets.UTF_8).strip(), "The secret file " + secretFile);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return checked(fromEnv.strip(), "The " + ENV + " variable");
        Path kept = dataDir.resolve(FILE);
        if (Files.exists(kept)) return checked(Files.readString(kept, StandardCharsets.UTF_8).strip(), "The secret file " + kept);
        byte[] random = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(random);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(dataDir);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
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
        return checked(Files.readString(kept, StandardCharsets.UTF_8).strip(), "The secret file " + kept);
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
