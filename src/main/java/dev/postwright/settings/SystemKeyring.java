package dev.postwright.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The desktop's keyring through libsecret's {@code secret-tool} (GNOME Keyring, KWallet's
 * Secret Service bridge, KeePassXC). The secret travels on the tool's standard input and output,
 * never on its command line, where other users could read it from the process list.
 */
public final class SystemKeyring implements SecretStore {
    private static final String SERVICE = "postwright";
    private static final long TIMEOUT_SECONDS = 20; // a locked keyring may show an unlock prompt

    private final String tool;
    private final Map<String, String> environment;

    /**
     * @param tool        the {@code secret-tool} executable
     * @param environment added to the tool's environment (the session bus address in tests)
     */
    public SystemKeyring(String tool, Map<String, String> environment) {
        this.tool = tool;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Whether the keyring answers: {@code secret-tool} runs and reaches a Secret Service. A missing
     * entry is an answer; "cannot reach D-Bus" is not.
     */
    public boolean isAvailable() {
        try {
            Result result = run(List.of("lookup", "service", SERVICE, "account", "postwright-probe"), null);
            return result.exit == 0 || (result.exit == 1 && result.error.isBlank());
        } catch (SecretStoreException e) {
            return false;
        }
    }

    @Override
    public Optional<String> read(String name) throws SecretStoreException {
        Result result = run(List.of("lookup", "service", SERVICE, "account", name), null);
        if (result.exit == 0) return Optional.of(result.output);
        if (result.error.isBlank()) return Optional.empty();
        throw failure("read", result);
    }

    @Override
    public void write(String name, String secret) throws SecretStoreException {
        Result result = run(List.of("store", "--label=Postwright API key for " + name, "service", SERVICE,
                "account", name), secret);
        if (result.exit != 0) throw failure("save", result);
    }

    @Override
    public void delete(String name) throws SecretStoreException {
        Result result = run(List.of("clear", "service", SERVICE, "account", name), null);
        if (result.exit != 0 && !result.error.isBlank()) throw failure("remove", result);
    }

    @Override
    public String description() {
        return "your system keyring";
    }

    private record Result(int exit, String output, String error) {}

    private Result run(List<String> args, String input) throws SecretStoreException {
        List<String> command = new ArrayList<>();
        command.add(tool);
        command.addAll(args);
        var builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            // Both outputs are tiny (a key, an error line), so reading one after the other cannot deadlock.
            String output = readAll(process.getInputStream());
            String error = readAll(process.getErrorStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SecretStoreException("The system keyring did not answer within " + TIMEOUT_SECONDS + " s.");
            }
            return new Result(process.exitValue(), output, error.strip());
        } catch (IOException e) {
            throw new SecretStoreException("The system keyring could not be used: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecretStoreException("Interrupted while using the system keyring.");
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static SecretStoreException failure(String action, Result result) {
        // The tool's error text names the keyring's problem (locked, no service); it never holds the secret.
        return new SecretStoreException("The system keyring could not " + action + " the API key: "
                + (result.error.isBlank() ? "exit code " + result.exit : result.error));
    }
}
