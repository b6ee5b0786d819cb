package dev.postwright.cli;

import dev.postwright.engine.LocalEngine;
import dev.postwright.engine.StopSignals;
import dev.postwright.images.ImageMaker;
import dev.postwright.llm.TextGenerator;
import dev.postwright.server.JobApiServer;
import dev.postwright.server.ServeSettings;
import dev.postwright.server.ServerSecret;
import dev.postwright.server.Tokens;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code postwright serve}: the local engine behind the job API, for a team without a backend.
 * Stops cleanly on Ctrl+C or SIGTERM: open streams end (clients resume with Last-Event-ID), and
 * running jobs go back to the queue and resume at the next start.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, subcommands = ServeCommand.TokenCommand.class,
        description = "Runs the job API (POST /api/v1/jobs/content-generation, streams, status, cancel, retry) "
                + "and the Blog SDK's blog routes (/api/v1/blog/generate-enhanced, its stream, jobs) and image routes "
                + "(/api/v1/images/generate, its stream, jobs, batch-generate) on this computer.")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Mixin
    SecretOption secret;

    @Mixin
    TeamDatabaseOption database = new TeamDatabaseOption();

    @Mixin
    WriterOptions writerOptions = new WriterOptions();

    @Mixin
    ImageMakerOptions imageOptions = new ImageMakerOptions();

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 for any free one).")
    int port = ServeSettings.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "HOST", description = "Interface to listen on (default: ${DEFAULT-VALUE}, "
            + "this computer only; 0.0.0.0 for every network).")
    String host = ServeSettings.LOOPBACK;

    @Option(names = "--workers", paramLabel = "N", description = "Jobs run at once (default: ${DEFAULT-VALUE}).")
    int workers = 2;

    @Option(names = "--stream-max-age", paramLabel = "SECONDS",
            description = "How long one stream lives before stream-timeout (default: ${DEFAULT-VALUE}).")
    long streamMaxAgeSeconds = ServeSettings.DEFAULTS.streamMaxAge().toSeconds();

    @Option(names = "--image-stream-max-age", paramLabel = "SECONDS",
            description = "How long one Blog SDK image stream lives (default: ${DEFAULT-VALUE}, as the SDK's).")
    long imageStreamMaxAgeSeconds = ServeSettings.IMAGE_STREAM_MAX_AGE.toSeconds();

    @Option(names = "--keepalive", paramLabel = "SECONDS",
            description = "Seconds between keepalive comments on an idle stream (default: ${DEFAULT-VALUE}).")
    long keepaliveSeconds = ServeSettings.DEFAULTS.keepalive().toSeconds();

    @Option(names = "--blog-sdk-user", paramLabel = "NAME", description = "Lets Blog SDK requests "
            + "(/api/v1/blog/...) without a token act as this one user, for a frontend that cannot send one. Off by "
            + "default; anyone who reaches the server can then use that user's Blog SDK jobs.")
    String blogSdkUser;

    @Spec
    CommandSpec spec;

    /** Counted down to stop a running server (tests; Ctrl+C, SIGTERM or a shutdown in production). */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (blogSdkUser != null && blogSdkUser.isBlank()) {
            err.println("--blog-sdk-user needs a name.");
            return ExitCodes.BAD_INPUT;
        }
        if (workers < 1 || workers > 32 || port < 0 || port > 65_535 || streamMaxAgeSeconds < 1 || keepaliveSeconds < 1
                || imageStreamMaxAgeSeconds < 1) {
            err.println("Check the numbers: --workers 1–32, --port 0–65535, --stream-max-age, --image-stream-max-age "
                    + "and --keepalive at least 1.");
            return ExitCodes.BAD_INPUT;
        }
        if (database.given() && !secret.shared()) {
            err.println("Serve nodes on one database must sign tokens with one secret, or a token made on one is "
                    + "refused by the others: give every node the same --secret-file FILE, or the same "
                    + ServerSecret.ENV + ". Make one with: head -c 48 /dev/urandom | base64 -w0 > FILE");
            return ExitCodes.BAD_INPUT;
        }
        SecretOption.Loaded secretLoaded = secret.tokens(data.path(), err);
        if (secretLoaded.tokens() == null) return secretLoaded.exitCode();
        Tokens tokens = secretLoaded.tokens();
        TextGenerator writer = writerOptions.writer(err, data.path());
        if (writer == null) return ExitCodes.BAD_INPUT;
        ImageMaker imageMaker = imageOptions.maker(err);
        if (imageMaker == null) return ExitCodes.BAD_INPUT;
        TeamDatabaseOption.Opened team = database.open(err);
        if (team.failed()) return team.exitCode();
        LocalEngine engine = team.database() == null ? Engines.open(data.path(), workers, writer, imageMaker, err)
                : Engines.open(team.database(), data.path(), workers, writer, imageMaker);
        if (engine == null) return ExitCodes.DATABASE_UNAVAILABLE;
        Logger.getLogger("").setLevel(Level.INFO); // the access log and the server's own lines
        var settings = ServeSettings.DEFAULTS.withHost(host).withPort(port)
                .withStreamTiming(Duration.ofSeconds(keepaliveSeconds), Duration.ofSeconds(streamMaxAgeSeconds))
                .withBlogSdkUser(blogSdkUser).withImageStreamMaxAge(Duration.ofSeconds(imageStreamMaxAgeSeconds));
        // The image routes refuse, when asked, a size this maker cannot draw: the one the engine uses.
        var server = new JobApiServer(engine.jobs(), engine.library(), engine.images(), () -> imageMaker, tokens,
                settings);
        // Ctrl+C and SIGTERM stop the server: streams end, running jobs go back to the queue with
        // their attempt not counted (the engine's close), and the exit code is 0.
        try (var signals = StopSignals.listen(stop::countDown); engine; server) {
            engine.jobs().start();
            engine.removeUnusedImages();
            try {
                server.start();
            } catch (IOException e) {
                err.println("Cannot listen on " + host + ":" + port + " (" + e.getMessage() + "). Is another server "
                        + "using the port? Choose another with --port.");
                return ExitCodes.BAD_INPUT;
            }
            out.println("Postwright is serving the job API at " + server.baseUrl() + " (" + (team.database() == null
                    ? "data in " + data.path() : "jobs, posts and images in " + team.database().describe()) + ").");
            if (settings.blogSdkUser() != null) {
                out.println("Warning: Blog SDK requests without a token act as " + settings.blogSdkUser() + ".");
            }
            out.println("Make a token with: postwright serve token --user NAME " + (team.database() == null
                    ? "--data-dir " + data.path() : "--secret-file FILE (or " + ServerSecret.ENV
                    + "), with this node's secret"));
            out.flush();
            stop.await();
            out.println("Stopping: open streams end, running jobs go back to the queue and resume at the next start.");
            out.flush();
        }
        return ExitCodes.OK;
    }

    /** {@code serve token}: a token for one user, printed as the last line. */
    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Prints a token for a user of this server (the same secret as serve uses).")
    static final class TokenCommand implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        SecretOption secret;

        @Option(names = "--user", required = true, paramLabel = "NAME", description = "Who the token is for; "
                + "their jobs are theirs alone.")
        String user;

        @Option(names = "--days", paramLabel = "N", description = "How many days it is valid (default: ${DEFAULT-VALUE}); every token expires.")
        int days = 30;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (user.isBlank() || days < 1) {
                err.println("--user needs a name, and --days at least 1.");
                return ExitCodes.BAD_INPUT;
            }
            SecretOption.Loaded loaded = secret.tokens(data.path(), err);
            if (loaded.tokens() == null) return loaded.exitCode();
            Tokens tokens = loaded.tokens();
            out.println("Token for " + user.strip() + ", valid for " + days + " days:");
            out.println(tokens.issue(user.strip(), Duration.ofDays(days)));
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code --secret-file}, shared by serve and serve token. */
    public static final class SecretOption {
        @Option(names = "--secret-file", paramLabel = "FILE", description = "The token-signing secret. Without it, "
                + "the " + ServerSecret.ENV + " environment variable, else a secret kept in the data folder.")
        Path secretFile;

        /** True when the secret is given (a file or the variable), so other nodes can be given the same one. */
        boolean shared() {
            String fromEnv = System.getenv(ServerSecret.ENV);
            return secretFile != null || (fromEnv != null && !fromEnv.isBlank());
        }

        /** The tokens the secret signs, or (null and) the exit code after explaining why not. */
        record Loaded(Tokens tokens, int exitCode) {}

        /**
         * The tokens, or why the secret is unusable: bad input (exit 2) for a secret the operator
         * gave, the data folder's fault (exit 3, like a database that cannot be opened) for the
         * secret kept there.
         */
        Loaded tokens(Path dataDir, PrintWriter err) {
            try {
                return new Loaded(new Tokens(ServerSecret.load(secretFile, System.getenv(), dataDir), Clock.systemUTC()),
                        ExitCodes.OK);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
            } catch (ServerSecret.DataFolderException e) {
                err.println(e.getMessage());
                return new Loaded(null, ExitCodes.DATABASE_UNAVAILABLE);
            } catch (IOException e) {
                err.println("The secret file " + secretFile + " cannot be read (" + e.getMessage() + ").");
            }
            return new Loaded(null, ExitCodes.BAD_INPUT);
        }
    }
}
