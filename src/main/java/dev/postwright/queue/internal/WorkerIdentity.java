package dev.postwright.queue.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Names an engine as {@code pid@host/nonce}, and each of its claims in {@code jobs.claimed_by}
 * as {@code pid@host/nonce#n}, so a sweep can tell an engine that is certainly gone (its process
 * on this host has exited) from one that may merely be slow, which only lease expiry can settle.
 * The claim number makes two claims of one job by one engine different fences.
 */
final class WorkerIdentity {
    private static final String HOST = hostName();
    private static final AtomicLong ENGINES = new AtomicLong();

    private WorkerIdentity() {}

    /** A new identity; unique within this process even if {@code nonce} repeats (a seeded test random). */
    static String create(Supplier<String> nonce) {
        return ProcessHandle.current().pid() + "@" + HOST + "/" + nonce.get() + "-" + ENGINES.incrementAndGet();
    }

    /** This host as identities name it (tests write the identity of a process that is gone). */
    static String host() {
        return HOST;
    }

    /** The name of claim number {@code sequence} of {@code engine}, as written to {@code claimed_by}. */
    static String claim(String engine, long sequence) {
        return engine + "#" + sequence;
    }

    /** True only when {@code workerId} (an engine or one of its claims) names a process on this host that no longer runs. */
    static boolean isCertainlyGone(String workerId) {
        return processOf(workerId)
                .filter(pid -> pid != ProcessHandle.current().pid())
                .map(pid -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true))
                .orElse(false);
    }

    private static Optional<Long> processOf(String workerId) {
        int at = workerId.indexOf('@');
        int slash = workerId.indexOf('/', at + 1);
        if (at <= 0 || slash < 0 || !workerId.substring(at + 1, slash).equals(HOST)) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(workerId.substring(0, at)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The host name, with the process-id namespace where there is one: two containers may share a
     * host name while each numbers its processes alone, and one must not take the other's live
     * process for gone.
     */
    private static String hostName() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName().replace('/', '_');
        } catch (UnknownHostException e) {
            name = "localhost";
        }
        try {
            String namespace = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/ns/pid")).toString();
            return name + "~" + namespace.replaceAll("[^0-9]", "");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return name; // no /proc (Windows, macOS): one host, one numbering
        }
    }
}
