package dev.postwright.cli;

import dev.postwright.Postwright;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code postwright args…} as a real process on this JVM and class path, for tests about processes. */
final class PostwrightProcess {
    private PostwrightProcess() {}

    /** Starts it with stdout and stderr appended to {@code log}. */
    static Process start(Path log, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        var command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Postwright.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
