package dev.postwright.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.render.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsFileTest {
    @TempDir Path dir;

    @Test
    void aMissingFileMeansDefaultsWithoutAProblem() {
        var loaded = new SettingsFile(dir).load();
        assertThat(loaded.settings()).isEqualTo(Settings.DEFAULTS);
        assertThat(loaded.problem()).isNull();
    }

    @Test
    void everyFieldSurvivesARoundTrip() throws Exception {
        var settings = new Settings(ModelChoice.server("http://localhost:11434/v1/", "llama3.1"), 4, Theme.DARK,
                dir.resolve("library"), new WindowBounds(10, 20, 1400, 900, true), "https://blog.example.com",
                "blog-sdk", new ImageChoice("http://localhost:8080/", "sd-turbo", "512x512"),
                Set.of("keyphrase-density", "passive-voice"));
        var file = new SettingsFile(dir);
        file.save(settings);
        var loaded = new SettingsFile(dir).load();
        assertThat(loaded.problem()).isNull();
        assertThat(loaded.settings()).isEqualTo(settings);
        assertThat(loaded.settings().model().baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(loaded.settings().images().baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void switchedOffChecksAreAListOfIdsAndNoneAreWrittenWhenNoneAreOff() throws Exception {
        var file = new SettingsFile(dir);
        file.save(Settings.DEFAULTS.withSeoChecksOff(Set.of("transition-words", "keyphrase-density")));
        assertThat(Files.readString(file.path())).contains("\"seoChecksOff\":[\"keyphrase-density\",\"transition-words\"]");
        file.save(Settings.DEFAULTS);
        assertThat(Files.readString(file.path())).doesNotContain("seoChecksOff");
        assertThat(file.load().settings().seoChecksOff()).isEmpty();
    }

    @Test
    void switchedOffIdsNoCheckHasAreKeptAndEntriesThatAreNotIdsAreSkipped() throws Exception {
        Files.writeString(dir.resolve(SettingsFile.NAME), """
                {"workers": 3, "seoChecksOff": ["passive-voice", "a-check-of-a-later-version", 7, null, "  ", {"id": "x"}]}""");
        var loaded = new SettingsFile(dir).load();
        assertThat(loaded.problem()).isNull();
        assertThat(loaded.settings().workers()).isEqualTo(3);
        assertThat(loaded.settings().seoChecksOff()).containsExactlyInAnyOrder("passive-voice", "a-check-of-a-later-version");
    }

    @ParameterizedTest(name = "seoChecksOff: {0}")
    @ValueSource(strings = {"\"passive-voice\"", "7", "true", "{\"passive-voice\": true}", "null"})
    void aSwitchedOffValueThatIsNotAListReadsAsNoneOffAndKeepsTheOtherSettings(String value) throws Exception {
        String text = "{\"workers\": 3, \"theme\": \"dark\", \"seoChecksOff\": " + value + "}";
        Files.writeString(dir.resolve(SettingsFile.NAME), text);
        var loaded = new SettingsFile(dir).load();
        assertThat(loaded.problem()).isNull();
        assertThat(loaded.settings().seoChecksOff()).isEmpty();
        assertThat(loaded.settings().workers()).isEqualTo(3);
        assertThat(loaded.settings().theme()).isEqualTo(Theme.DARK);
        assertThat(dir.resolve(SettingsFile.NAME)).hasContent(text);
    }

    @Test
    void aDamagedFileIsSetAsideAndReported() throws Exception {
        Files.writeString(dir.resolve(SettingsFile.NAME), "{\"workers\": 3, \"theme\": ");
        var loaded = new SettingsFile(dir).load();
        assertThat(loaded.settings()).isEqualTo(Settings.DEFAULTS);
        assertThat(loaded.problem()).contains("damaged").contains("settings.json.damaged");
        assertThat(dir.resolve("settings.json.damaged")).hasContent("{\"workers\": 3, \"theme\": ");
        assertThat(dir.resolve(SettingsFile.NAME)).doesNotExist();
    }

    @Test
    void unusableFieldsFallBackOneByOne() throws Exception {
        Files.writeString(dir.resolve(SettingsFile.NAME), """
                {"model": {"kind": "openai-compatible", "baseUrl": "  ", "model": "x"},
                 "workers": 99, "theme": "purple", "dataDir": "", "window": {"x": 5, "width": 10},
                 "somethingNewer": true}""");
        var loaded = new SettingsFile(dir).load();
        assertThat(loaded.problem()).isNull();
        assertThat(loaded.settings().model()).isEqualTo(ModelChoice.OFFLINE);
        assertThat(loaded.settings().workers()).isEqualTo(Settings.MAX_WORKERS);
        assertThat(loaded.settings().theme()).isEqualTo(Theme.LIGHT);
        assertThat(loaded.settings().dataDir()).isNull();
        assertThat(loaded.settings().window()).isNull();
    }

    @Test
    void aFileThatIsNotAnObjectIsDamaged() throws Exception {
        Files.writeString(dir.resolve(SettingsFile.NAME), "[1, 2]");
        assertThat(new SettingsFile(dir).load().problem()).contains("not a JSON object");
    }

    @Test
    void theConfigFolderFollowsThePlatform() {
        Path home = Path.of("/home/ana");
        assertThat(ConfigDirectory.defaultLocation(java.util.Map.of(), "Linux", home))
                .isEqualTo(Path.of("/home/ana/.config/postwright"));
        assertThat(ConfigDirectory.defaultLocation(java.util.Map.of("XDG_CONFIG_HOME", "/cfg"), "Linux", home))
                .isEqualTo(Path.of("/cfg/postwright"));
        assertThat(ConfigDirectory.defaultLocation(java.util.Map.of(), "Mac OS X", home))
                .isEqualTo(Path.of("/home/ana/Library/Preferences/Postwright"));
        assertThat(ConfigDirectory.defaultLocation(java.util.Map.of(ConfigDirectory.ENVIRONMENT_VARIABLE, "/x"), "Linux",
                home)).isEqualTo(Path.of("/x"));
    }

    @Test
    void aSettingOfTheWrongTypeIsNamedInWordsAndTheFileKept() throws Exception {
        String text = "{\"workers\": 3, \"dataDir\": 7}";
        Files.writeString(dir.resolve(SettingsFile.NAME), text);
        var loaded = new SettingsFile(dir).load();
        assertThat(loaded.settings()).isEqualTo(Settings.DEFAULTS);
        assertThat(loaded.settings().dataDir()).as("never a folder named 7").isNull();
        assertThat(loaded.problem()).isEqualTo("A setting in your settings file is of the wrong kind: dataDir should be "
                + "a folder path in quotes, like \"/home/you/Postwright\", not 7. It was kept as settings.json.damaged "
                + "and the defaults are in use.");
        assertThat(dir.resolve("settings.json.damaged")).hasContent(text);
        assertThat(dir.resolve(SettingsFile.NAME)).doesNotExist();
    }

    @Test
    void otherSettingsOfTheWrongTypeAreNamedToo() throws Exception {
        Files.writeString(dir.resolve(SettingsFile.NAME), "{\"workers\": \"four\"}");
        assertThat(new SettingsFile(dir).load().problem()).contains("workers should be a whole number from 1 to 8, "
                + "not \"four\"");
        Files.writeString(dir.resolve(SettingsFile.NAME), "{\"teamServer\": {\"url\": [\"https://a.example\"]}}");
        assertThat(new SettingsFile(dir).load().problem()).contains("teamServer.url should be text in quotes");
    }

    @Test
    void aFileThatIsNotUtf8TextIsNamedInWordsAndKept() throws Exception {
        byte[] latin1 = "{\"dataDir\": \"/home/Ren\u00e9e/Postwright\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve(SettingsFile.NAME), latin1);
        var loaded = new SettingsFile(dir).load();
        assertThat(loaded.settings()).isEqualTo(Settings.DEFAULTS);
        assertThat(loaded.problem()).isEqualTo("Your settings file is not UTF-8 text: it was saved in another encoding, "
                + "or it is damaged. It was kept as settings.json.damaged and the defaults are in use.")
                .doesNotContain("Input length");
        assertThat(dir.resolve("settings.json.damaged")).hasBinaryContent(latin1);
        assertThat(dir.resolve(SettingsFile.NAME)).doesNotExist();
    }
}
