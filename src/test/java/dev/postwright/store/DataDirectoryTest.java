package dev.postwright.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataDirectoryTest {
    private static final Path HOME = Path.of("/home/ann");

    @ParameterizedTest(name = "{0} with {1}={2} → {3}")
    @CsvSource({
            "Linux, NONE, '', /home/ann/.local/share/postwright",
            "Linux, XDG_DATA_HOME, /data, /data/postwright",
            "Mac OS X, NONE, '', /home/ann/Library/Application Support/Postwright",
            "Windows 11, APPDATA, /roaming, /roaming/Postwright",
            "Windows 11, NONE, '', /home/ann/AppData/Roaming/Postwright",
            "Linux, POSTWRIGHT_DATA_DIR, /srv/postwright, /srv/postwright",
            "Windows 11, POSTWRIGHT_DATA_DIR, /elsewhere, /elsewhere"})
    void followsThePlatformsConvention(String os, String variable, String value, String expected) {
        Map<String, String> env = variable.equals("NONE") ? Map.of() : Map.of(variable, value);
        assertThat(DataDirectory.defaultLocation(env, os, HOME)).isEqualTo(Path.of(expected));
    }
}
