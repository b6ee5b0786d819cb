package dev.postwright.testing;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real server the tests start themselves, once per test JVM: {@code <scripts>/start.sh DIR}
 * starts it in {@code target/<folder>} and writes what a test needs to reach it into a
 * properties file there; {@code stop.sh DIR} stops it when the JVM exits. Where it cannot start
 * (its Debian packages are missing) its tests skip, unless {@code requireVariable} is 1 (as
 * .ci/run sets it), when they fail.
 *
 * @param name            the server, in the skip and fail messages
 * @param scripts         the folder of start.sh and stop.sh, from the project's root
 * @param folder          its folder under target/
 * @param propertiesFile  the file start.sh writes in it
 * @param requireVariable the environment variable that turns a skip into a failure
 * @param howToGetIt      said when the tests skip, e.g. "apt-get install postgresql, then mvn -B verify"
 */
public record TestServer(String name, String scripts, String folder, String propertiesFile, String requireVariable,
                         String howToGetIt) {
    private static final java.util.Map<TestServer, Started> STARTED = new java.util.concurrent.ConcurrentHashMap<>();

    private record Started(Properties properties, String failure) {}

    /** The server's properties, started at the first call; skips or fails the calling test without it. */
    public Properties properties() {
        Started started = STARTED.computeIfAbsent(this, TestServer::start);
        if (started.failure() != null) {
            if ("1".equals(System.getenv(requireVariable))) fail(name + " for the tests did not start: " + started.failure());
            assumeTrue(false, name + " tests skipped (" + howToGetIt + "): " + started.failure());
        }
        return started.properties();
    }

    private Started start() {
        Path dir = Path.of("target", folder).toAbsolutePath();
        Path log = dir.resolveSibling(folder + "-start.log");
        try {
            Files.createDirectories(dir.getParent());
            Process start = new ProcessBuilder("bash", scripts + "/start.sh", dir.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!start.waitFor(120, TimeUnit.SECONDS) || start.exitValue() != 0) {
                start.destroyForcibly();
                String failure = "start.sh failed: " + Files.readString(log).strip();
                stop(dir);
                return new Started(null, failure);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(dir)));
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(dir.resolve(propertiesFile))) {
                properties.load(reader);
            }
            return new Started(properties, null);
        } catch (IOException e) {
            return new Started(null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Started(null, "interrupted");
        }
    }

    private void stop(Path dir) {
        try {
            new ProcessBuilder("bash", scripts + "/stop.sh", dir.toString()).inheritIO().start().waitFor(40, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // the JVM is exiting; the next start.sh finds what was left behind
        }
    }
}
