package dev.postwright.settings;

import java.util.Optional;

/**
 * Where API keys are kept, by name (a server's URL). Implementations never log or put a secret
 * in an exception message. Thread-safe.
 */
public interface SecretStore {
    Optional<String> read(String name) throws SecretStoreException;

    void write(String name, String secret) throws SecretStoreException;

    void delete(String name) throws SecretStoreException;

    /** Where the secrets are, in words for the settings screen ("your system keyring"). */
    String description();

    /** A secret store that failed, with a message for the writer. */
    final class SecretStoreException extends Exception {
        public SecretStoreException(String message) {
            super(message);
        }
    }
}
