package dev.postwright.settings;

import dev.postwright.render.Theme;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the writer chose in Settings. Immutable; change one field with a {@code with…} method.
 *
 * @param model   who writes the posts
 * @param workers how many jobs run at once on this computer (1–8); takes effect at the next start
 * @param theme   light or dark, for the window and the preview
 * @param dataDir the folder of the library and jobs, or null for the platform's usual place;
 *                takes effect at the next start
 * @param window  where the window was when it was last closed, or null before the first close
 * @param teamServer the team server new jobs run on (its token is in the key store), or null to
 *                run them on this computer
 * @param teamDialect the kind of team server ({@code job-api} or {@code blog-sdk}); null for the job API
 * @param images  who makes the pictures
 * @param seoChecksOff the ids of the SEO checks the writer switched off (left out of the analysis
 *                and its score); ids no check has any more are kept, harmlessly
 */
public record Settings(ModelChoice model, int workers, Theme theme, Path dataDir, WindowBounds window,
                       String teamServer, String teamDialect, ImageChoice images, Set<String> seoChecksOff) {
    public static final int MIN_WORKERS = 1;
    public static final int MAX_WORKERS = 8;
    public static final Settings DEFAULTS = new Settings(ModelChoice.OFFLINE, 2, Theme.LIGHT, null, null,
            null, null, ImageChoice.OFFLINE, Set.of());

    public Settings(ModelChoice model, int workers, Theme theme, Path dataDir, WindowBounds window) {
        this(model, workers, theme, dataDir, window, null, null, ImageChoice.OFFLINE);
    }

    public Settings(ModelChoice model, int workers, Theme theme, Path dataDir, WindowBounds window, String teamServer,
                    String teamDialect) {
        this(model, workers, theme, dataDir, window, teamServer, teamDialect, ImageChoice.OFFLINE);
    }

    public Settings(ModelChoice model, int workers, Theme theme, Path dataDir, WindowBounds window, String teamServer,
                    String teamDialect, ImageChoice images) {
        this(model, workers, theme, dataDir, window, teamServer, teamDialect, images, Set.of());
    }

    public Settings {
        if (model == null) model = ModelChoice.OFFLINE;
        workers = Math.clamp(workers, MIN_WORKERS, MAX_WORKERS);
        if (theme == null) theme = Theme.LIGHT;
        if (teamServer != null && teamServer.isBlank()) teamServer = null;
        if (images == null) images = ImageChoice.OFFLINE;
        seoChecksOff = seoChecksOff == null ? Set.of() : seoChecksOff.stream().filter(Objects::nonNull).map(String::strip)
                .filter(id -> !id.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The name a team server's token is kept under in the key store. */
    public static String teamTokenName(String url) {
        return "team-server:" + url;
    }

    public Settings withModel(ModelChoice choice) {
        return new Settings(choice, workers, theme, dataDir, window, teamServer, teamDialect, images, seoChecksOff);
    }

    public Settings withWorkers(int count) {
        return new Settings(model, count, theme, dataDir, window, teamServer, teamDialect, images, seoChecksOff);
    }

    public Settings withTheme(Theme chosen) {
        return new Settings(model, workers, chosen, dataDir, window, teamServer, teamDialect, images, seoChecksOff);
    }

    public Settings withDataDir(Path folder) {
        return new Settings(model, workers, theme, folder, window, teamServer, teamDialect, images, seoChecksOff);
    }

    public Settings withWindow(WindowBounds bounds) {
        return new Settings(model, workers, theme, dataDir, bounds, teamServer, teamDialect, images, seoChecksOff);
    }

    public Settings withTeamServer(String url, String dialect) {
        return new Settings(model, workers, theme, dataDir, window, url, dialect, images, seoChecksOff);
    }

    public Settings withImages(ImageChoice choice) {
        return new Settings(model, workers, theme, dataDir, window, teamServer, teamDialect, choice, seoChecksOff);
    }

    /** These settings with exactly {@code ids} switched off. */
    public Settings withSeoChecksOff(Set<String> ids) {
        return new Settings(model, workers, theme, dataDir, window, teamServer, teamDialect, images, ids);
    }
}
