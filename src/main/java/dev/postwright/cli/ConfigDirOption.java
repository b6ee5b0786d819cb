package dev.postwright.cli;

import dev.postwright.settings.ConfigDirectory;
import dev.postwright.settings.SecretStores;
import dev.postwright.settings.SiteBook;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config-dir}: where the settings, the sites and (without a keyring) their passwords are. */
public final class ConfigDirOption {
    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "Folder of your settings and sites (default: ${DEFAULT-VALUE}; or set POSTWRIGHT_CONFIG_DIR).")
    Path configDir = ConfigDirectory.defaultLocation();

    /** The sites of this config folder, their passwords in this computer's keyring (or private file). */
    SiteBook sites() {
        return new SiteBook(configDir, SecretStores.forThisComputer(configDir));
    }
}
