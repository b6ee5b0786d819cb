package dev.postwright.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.store.AtomicFiles;
import dev.postwright.wire.Json;
import dev.postwright.wire.WireFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fallback when the computer offers no keyring: a JSON file that only the writer's account
 * may read (mode 600 where the file system has POSIX permissions), apart from the settings file,
 * so sharing settings never shares keys. Thread-safe.
 */
public final class PrivateFileSecrets implements SecretStore {
    public static final String NAME = "secrets.json";

    private final Path file;

    public PrivateFileSecrets(Path configDir) {
        this.file = configDir.resolve(NAME);
    }

    @Override
    public synchronized Optional<String> read(String name) throws SecretStoreException {
        JsonNode value = entries().get(name);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    @Override
    public synchronized void write(String name, String secret) throws SecretStoreException {
        ObjectNode entries = entries();
        entries.put(name, secret);
        store(entries);
    }

    @Override
    public synchronized void delete(String name) throws SecretStoreException {
        ObjectNode entries = entries();
        if (entries.remove(name) != null) store(entries);
    }

    @Override
    public String description() {
        return "a private file in your settings folder (no system keyring was found)";
    }

    private ObjectNode entries() throws SecretStoreException {
        try {
            JsonNode root = Json.parse(Files.readString(file, StandardCharsets.UTF_8), "the key file");
            if (root instanceof ObjectNode object) return object;
            throw new SecretStoreException("The key file " + file + " is damaged; delete it and enter your API key again.");
        } catch (NoSuchFileException e) {
            return Json.object();
        } catch (IOException | WireFormatException e) {
            throw new SecretStoreException("The key file " + file + " cannot be read; delete it and enter your API key "
                    + "again.");
        }
    }

    private void store(ObjectNode entries) throws SecretStoreException {
        try {
            AtomicFiles.writePrivateString(file, Json.write(entries));
        } catch (IOException e) {
            throw new SecretStoreException("The API key could not be saved in " + file + ": " + e.getMessage());
        }
    }
}
