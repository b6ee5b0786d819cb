import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end, its output in a log file, and fails with the log's tail when it fails. */
final class Processes {
    private static final long TIMEOUT_MINUTES = 5;

    private Processes() {}

    /** Whether {@code program} is on the PATH. */
    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String folder : path.split(java.io.File.pathSeparator))
            if (Files.isExecutable(Path.of(folder, program))) return true;
        return false;
    }

    static void run(List<String> command, Path log) throws IOException, InterruptedException {
        run(command, Map.of(), log);
    }

    static void run(List<String> command, Map<String, String> environment, Path log) throws IOException, InterruptedException {
        System.out.println("> " + String.join(" ", command));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new Packager.PackagingException(command.getFirst() + " did not finish in " + TIMEOUT_MINUTES
                    + " minutes; its output is in " + log);
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
            throw new Packager.PackagingException(command.getFirst() + " failed with exit code " + process.exitValue()
                    + "; the end of " + log + ":\n" + tail);
        }
    }
}
