package dev.postwright.cli;

import dev.postwright.store.DataDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}, shared by every subcommand. */
public final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of your library and jobs (default: ${DEFAULT-VALUE}; or set POSTWRIGHT_DATA_DIR).")
    Path dataDir = DataDirectory.defaultLocation();

    public Path path() {
        return dataDir;
    }
}
