package dev.postwright.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.render.Theme;
import dev.postwright.store.AtomicFiles;
import dev.postwright.wire.Json;
import dev.postwright.wire.WireFormatException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The settings as a small JSON file. Reading is forgiving: a missing file means defaults, a
 * damaged one is set aside (renamed {@code settings.json.damaged}) and reported, and each field
 * that cannot be used falls back to its default alone. Writing replaces the file atomically, so
 * a crash leaves the old settings or the new, never half of each. Thread-safe.
 */
public final class SettingsFile {
    private static final System.Logger LOG = System.getLogger(SettingsFile.class.getName());
    public static final String NAME = "settings.json";

    private final Path file;

    public SettingsFile(Path configDir) {
        this.file = configDir.resolve(NAME);
    }

    /** The settings and, when the file could not be used as it was, why — in words for the writer. */
    public record Loaded(Settings settings, String problem) {}

    public Path path() {
        return file;
    }

    public synchronized Loaded load() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Loaded(Settings.DEFAULTS, null);
        } catch (CharacterCodingException e) {
            return setAside("Your settings file is not UTF-8 text: it was saved in another encoding, or it is damaged.");
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Settings file {0} cannot be read: {1}", file, e.toString());
            return new Loaded(Settings.DEFAULTS, "Your settings at " + file + " could not be read (" + e.getMessage()
                    + "), so the defaults are in use. Saving settings will try to write the file again.");
        }
        try {
            JsonNode root = Json.parse(text, "the settings file");
            if (!root.isObject()) throw new WireFormatException("The settings file is not a JSON object.");
            String wrongType = SettingTypes.problem(root);
            if (wrongType != null) return setAside("A setting in your settings file is of the wrong kind: " + wrongType + ".");
            return new Loaded(read(root), null);
        } catch (WireFormatException e) {
            return setAside("Your settings file was damaged (" + e.getMessage() + ").");
        }
    }

    /** Keeps the file as it is, under another name, for the writer to mend; the defaults apply. */
    private Loaded setAside(String what) {
        Path aside = file.resolveSibling(NAME + ".damaged");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException moveFailed) {
            LOG.log(Level.WARNING, "Could not set the damaged settings aside: {0}", moveFailed.toString());
        }
        return new Loaded(Settings.DEFAULTS, what + " It was kept as " + aside.getFileName() + " and the defaults are in use.");
    }

    /** Writes {@code settings}; the old file stays intact if this fails. */
    public synchronized void save(Settings settings) throws IOException {
        AtomicFiles.writeString(file, Json.write(write(settings)));
    }

    static ObjectNode write(Settings s) {
        ObjectNode root = Json.object();
        ObjectNode model = root.putObject("model");
        if (s.model().isBuiltin()) {
            var b = s.model().builtin();
            model.put("kind", "builtin").put("file", b.file().toString()).put("threads", b.threads())
                    .put("contextSize", b.contextSize()).put("gpuLayers", b.gpuLayers());
        } else if (s.model().isOffline()) {
            model.put("kind", "offline");
        } else {
            model.put("kind", "openai-compatible").put("baseUrl", s.model().baseUrl()).put("model", s.model().model());
        }
        if (!s.images().isOffline()) {
            var images = root.putObject("images").put("kind", "openai-compatible").put("baseUrl", s.images().baseUrl())
                    .put("model", s.images().model());
            if (s.images().size() != null) images.put("size", s.images().size());
        }
        root.put("workers", s.workers());
        root.put("theme", s.theme().name().toLowerCase(Locale.ROOT));
        if (s.dataDir() != null) root.put("dataDir", s.dataDir().toString());
        if (s.teamServer() != null) {
            var team = root.putObject("teamServer").put("url", s.teamServer());
            if (s.teamDialect() != null) team.put("dialect", s.teamDialect());
        }
        if (!s.seoChecksOff().isEmpty()) {
            var off = root.putArray("seoChecksOff");
            s.seoChecksOff().stream().sorted().forEach(off::add);
        }
        if (s.window() != null) {
            var w = s.window();
            root.putObject("window").put("x", w.x()).put("y", w.y()).put("width", w.width()).put("height", w.height())
                    .put("maximized", w.maximized());
        }
        return root;
    }

    static Settings read(JsonNode root) {
        var d = Settings.DEFAULTS;
        JsonNode model = root.path("model");
        ModelChoice choice = switch (model.path("kind").asText()) {
            case "openai-compatible" -> ModelChoice.server(model.path("baseUrl").asText(null),
                    model.path("model").asText(null));
            case "builtin" -> builtin(model);
            default -> ModelChoice.OFFLINE;
        };
        int workers = root.path("workers").canConvertToInt() ? root.path("workers").asInt() : d.workers();
        Theme theme = "dark".equalsIgnoreCase(root.path("theme").asText()) ? Theme.DARK : Theme.LIGHT;
        String team = root.path("teamServer").path("url").asText(null);
        if (team != null && !(team.startsWith("http://") || team.startsWith("https://"))) team = null;
        JsonNode images = root.path("images");
        ImageChoice pictures = "openai-compatible".equals(images.path("kind").asText())
                && images.path("baseUrl").asText("").matches("https?://.+")
                ? new ImageChoice(images.path("baseUrl").asText(), images.path("model").asText(null),
                        images.path("size").asText(null))
                : ImageChoice.OFFLINE;
        return new Settings(choice, workers, theme, path(root.path("dataDir").asText(null)), window(root.path("window")),
                team, team == null ? null : root.path("teamServer").path("dialect").asText(null), pictures,
                checkIds(root.path("seoChecksOff")));
    }

    /**
     * The switched-off checks: a list of ids. Anything else (text, a number, a group) counts as
     * none switched off, and entries that are not text are skipped: the worst a damaged value
     * does is count a check the writer had switched off, never lose the other settings.
     */
    private static Set<String> checkIds(JsonNode list) {
        if (!list.isArray()) return Set.of();
        Set<String> ids = new HashSet<>();
        for (JsonNode id : list) if (id.isTextual()) ids.add(id.asText());
        return ids;
    }

    /** A built-in model whose file cannot be named falls back to the offline engine, not an error. */
    private static ModelChoice builtin(JsonNode model) {
        Path file = path(model.path("file").asText(null));
        if (file == null) return ModelChoice.OFFLINE;
        return ModelChoice.builtin(new BuiltinChoice(file, model.path("threads").asInt(0),
                model.path("contextSize").asInt(0), model.path("gpuLayers").asInt(0)));
    }

    private static Path path(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static WindowBounds window(JsonNode w) {
        if (!w.isObject()) return null;
        var bounds = new WindowBounds(w.path("x").asDouble(Double.NaN), w.path("y").asDouble(Double.NaN),
                w.path("width").asDouble(0), w.path("height").asDouble(0), w.path("maximized").asBoolean(false));
        return bounds.isUsable() ? bounds : null;
    }
}
