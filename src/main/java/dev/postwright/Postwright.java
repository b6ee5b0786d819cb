package dev.postwright;

import dev.postwright.cli.ExportCommand;
import dev.postwright.cli.Failures;
import dev.postwright.cli.GenerateCommand;
import dev.postwright.cli.ImageCommand;
import dev.postwright.cli.PublishCommand;
import dev.postwright.cli.SitesCommand;
import dev.postwright.cli.JobsCommand;
import dev.postwright.cli.ServeCommand;
import dev.postwright.store.DataDirectory;
import dev.postwright.ui.shell.DesktopApp;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The composition root: {@code postwright} opens the desktop window. Headless subcommands
 * ({@code generate}, {@code jobs}, {@code serve}, {@code image}, {@code export}) hang off this command.
 */
@Command(name = "postwright", mixinStandardHelpOptions = true, versionProvider = Postwright.Version.class,
        description = "Turns a writer's brief into a finished blog post. Without a subcommand, opens the app.",
        subcommands = {GenerateCommand.class, JobsCommand.class, ServeCommand.class, ImageCommand.class,
                PublishCommand.class, SitesCommand.class, ExportCommand.class, dev.postwright.cli.ModelsCommand.class})
public final class Postwright implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of your library and jobs (default: the one chosen in Settings, else "
                    + DataDirectory.ENVIRONMENT_VARIABLE + " or the platform's usual place).")
    Path dataDir;

    /** For the installer's training run, which records the classes a start uses into the AOT cache. */
    @Option(names = "--quit-when-shown", hidden = true)
    boolean quitWhenShown;

    @Override
    public Integer call() {
        DesktopApp.launchWith(dataDir, quitWhenShown);
        return 0;
    }

    /** The installed package's version (jpackage's launcher sets it), else the jar's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = System.getProperty("jpackage.app-version", Postwright.class.getPackage().getImplementationVersion());
            return new String[] {"Postwright " + (version != null ? version : "(development build)")};
        }
    }

    public static void main(String[] args) {
        // One line per log record; set before the first logger is made.
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        // A start from the menu has no arguments: open the window without building the command
        // line first, whose reflection over every subcommand's options delays the first paint.
        if (args.length == 0) {
            DesktopApp.launchWith(null, false);
            System.exit(0);
        }
        CommandLine commandLine = commandLine();
        int exit = commandLine.execute(args);
        // picocli's writers flush on println only: a post printed with print() would be lost on exit
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(exit);
    }

    /**
     * The command line, with usage errors reported as bad input (exit 2), and a failure a command
     * did not catch as one sentence and its exit code ({@link Failures}): never a stack trace.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new Postwright()).setExecutionExceptionHandler((e, cmd, parsed) -> Failures.report(e, cmd.getErr()));
    }
}
