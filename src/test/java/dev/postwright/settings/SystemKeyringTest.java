package dev.postwright.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real GNOME Keyring on a private session bus (installed by {@code .ci/run}). Skipped,
 * visibly, where the keyring tools are not installed.
 */
class SystemKeyringTest {
    @TempDir Path home;
    private Process bus;
    private Map<String, String> environment;
    private String tool;

    @BeforeEach
    void startKeyring() throws Exception {
        Optional<Path> secretTool = SecretStores.onPath("secret-tool", System.getenv("PATH"));
        Optional<Path> daemon = SecretStores.onPath("gnome-keyring-daemon", System.getenv("PATH"));
        Optional<Path> dbus = SecretStores.onPath("dbus-daemon", System.getenv("PATH"));
        assumeThat(secretTool.isPresent() && daemon.isPresent() && dbus.isPresent())
                .as("secret-tool, gnome-keyring-daemon and dbus-daemon are installed").isTrue();
        tool = secretTool.get().toString();
        bus = new ProcessBuilder(dbus.get().toString(), "--session", "--nofork", "--print-address=1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String address = readLine(bus.getInputStream());
        environment = Map.of("DBUS_SESSION_BUS_ADDRESS", address.strip(), "HOME", home.toString(),
                "XDG_DATA_HOME", home.resolve("data").toString(), "XDG_RUNTIME_DIR", home.toString());
        var keyring = new ProcessBuilder(daemon.get().toString(), "--unlock", "--components=secrets", "--daemonize");
        keyring.environment().putAll(environment);
        keyring.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process unlock = keyring.start();
        unlock.getOutputStream().write("test-password".getBytes(StandardCharsets.UTF_8));
        unlock.getOutputStream().close();
        assertThat(unlock.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void stopKeyring() {
        // The keyring daemon exits when its session bus goes away.
        if (bus != null) bus.destroy();
    }

    @Test
    void keysRoundTripThroughTheKeyringAndNeverTheCommandLine() throws Exception {
        var keyring = new SystemKeyring(tool, environment);
        assertThat(keyring.isAvailable()).isTrue();
        assertThat(keyring.read("http://localhost:11434/v1")).isEmpty();
        keyring.write("http://localhost:11434/v1", "sk-live-123");
        keyring.write("https://api.openai.com/v1", "sk-other");
        assertThat(keyring.read("http://localhost:11434/v1")).contains("sk-live-123");
        keyring.delete("http://localhost:11434/v1");
        assertThat(keyring.read("http://localhost:11434/v1")).isEmpty();
        assertThat(keyring.read("https://api.openai.com/v1")).contains("sk-other");
    }

    @Test
    void aKeyringWithoutABusIsNotAvailable() {
        var unreachable = new SystemKeyring(tool, Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + home.resolve("none"),
                "DISPLAY", ""));
        assertThat(unreachable.isAvailable()).isFalse();
    }

    private static String readLine(java.io.InputStream in) throws IOException {
        var out = new StringBuilder();
        for (int c; (c = in.read()) != -1 && c != '\n'; ) out.append((char) c);
        return out.toString();
    }
}
