package dev.postwright.team;

import dev.postwright.Postwright;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One {@code postwright serve} node as a real process on this JVM's class path, its output
 * appended to a log file. Its address is read from the line it prints once it listens, so
 * nothing waits by guessing.
 */
final class ServeNode {
    private static final String LISTENING = "serving the job API at ";

    private final Process process;
    private final CompletableFuture<String> baseUrl = new CompletableFuture<>();

    private ServeNode(Process process, Path log) {
        this.process = process;
        Thread.ofPlatform().daemon().name("serve-node-output").start(() -> copy(log));
    }

    /** Starts {@code serve args…} with {@code environment} added to this process's. */
    static ServeNode start(Path log, Map<String, String> environment, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Postwright.class.getName(), "serve"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new ServeNode(builder.start(), log);
    }

    /** {@code http://127.0.0.1:PORT} once the node listens; fails if it exits first. */
    String awaitListening(long seconds) throws Exception {
        return baseUrl.get(seconds, TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    /** Sends {@code signal} (KILL, TERM, INT) and waits for the process to end; returns its exit code. */
    int signalAndWait(String signal, long seconds) throws Exception {
        if (new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) throw new IllegalStateException("node " + pid() + " did not end");
        return process.exitValue();
    }

    private void copy(Path log) {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                Files.writeString(log, "[" + process.pid() + "] " + line + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                int at = line.indexOf(LISTENING);
                if (at >= 0) baseUrl.complete(line.substring(at + LISTENING.length()).split(" ", 2)[0]);
            }
        } catch (IOException e) {
            baseUrl.completeExceptionally(new UncheckedIOException(e));
            return;
        }
        baseUrl.completeExceptionally(new IllegalStateException("node " + process.pid() + " ended before it listened"));
    }
}
