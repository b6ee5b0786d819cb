package dev.postwright.settings;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Picks where this computer keeps API keys: the system keyring when one answers, else a private file. */
public final class SecretStores {
    private SecretStores() {}

    public static SecretStore forThisComputer(Path configDir) {
        Optional<Path> tool = onPath("secret-tool", System.getenv("PATH"));
        if (tool.isPresent()) {
            var keyring = new SystemKeyring(tool.get().toString(), Map.of());
            if (keyring.isAvailable()) return keyring;
        }
        return new PrivateFileSecrets(configDir);
    }

    static Optional<Path> onPath(String executable, String path) {
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path candidate = Path.of(dir, executable);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
