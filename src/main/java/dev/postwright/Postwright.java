package dev.postwright;

import dev.postwright.store.DataDirectory;
import dev.postwright.ui.shell.DesktopApp;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The composition root: {@code postwright} opens the desktop window. Headless subcommands
 * ({@code generate}, {@code jobs}, {@code serve}) hang off this command.
 */
@Command(name = "postwright", mixinStandardHelpOptions = true, version = "Postwright 0.1.0",
        description = "Turns a writer's brief into a finished blog post. Without a subcommand, opens the app.")
public final class Postwright implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of your library and jobs (default: ${DEFAULT-VALUE}; or set POSTWRIGHT_DATA_DIR).")
    Path dataDir = DataDirectory.defaultLocation();

    @Override
    public Integer call() {
        DesktopApp.launchWith(dataDir);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Postwright()).execute(args));
    }
}
