package dev.postwright.ui.settings;

import dev.postwright.model.FieldProblem;
import dev.postwright.model.WebUrls;
import dev.postwright.remote.Connection;
import dev.postwright.remote.Dialect;
import dev.postwright.remote.RemoteServer;
import dev.postwright.settings.SecretStore.SecretStoreException;
import dev.postwright.settings.Settings;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.fx.FxFrames;
import dev.postwright.ui.fx.FxTasks;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "Where jobs run" part of Settings: this computer, or a team server with its address and
 * token. The token is kept in the key store under the server's address, never in the settings
 * file; a blank token field keeps the stored one. Test connection asks the server without
 * switching. Part of {@link SettingsViewModel}, which saves it with everything else.
 */
public final class TeamServerForm {
    public final BooleanProperty useTeamServer = new SimpleBooleanProperty();
    public final StringProperty url = new SimpleStringProperty("");
    /** A new token to save; blank keeps the stored one. Cleared after saving. */
    public final StringProperty token = new SimpleStringProperty("");
    public final ObjectProperty<Dialect> dialect = new SimpleObjectProperty<>(Dialect.JOB_API);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    private final SettingsServices services;
    private final FxTasks tasks;

    TeamServerForm(SettingsServices services, Settings current, FxFrames frames, Executor background) {
        this.services = services;
        this.tasks = new FxTasks(background, frames);
        useTeamServer.set(current.teamServer() != null);
        url.set(current.teamServer() == null ? "" : current.teamServer());
        dialect.set(Dialect.of(current.teamDialect()));
    }

    /** Asks the server (with the typed token, else the stored one) whether it is there and takes the token. */
    public void testConnection() {
        String address = url.get().strip();
        String typed = token.get().strip();
        Dialect kind = dialect.get();
        if (!isWebUrl(address)) {
            status.set("Enter the server's address first, like https://blog.example.com.");
            return;
        }
        status.set("Asking " + address + "…");
        tasks.execute(BackgroundTask.call(() -> {
                    var server = new RemoteServer(address, typed.isEmpty() ? storedToken(address) : typed);
                    Connection c = services.jobPlace().check(server, kind);
                    return c.message();
                })
                .onSuccess(status::set)
                // A token that cannot be read, or an address the client refuses: its own sentence.
                .onFailure(e -> status.set(e.getMessage() != null ? e.getMessage()
                        : "The connection could not be tested (" + e.getClass().getSimpleName() + ").")));
    }

    void addProblems(List<FieldProblem> out) {
        if (useTeamServer.get() && !isWebUrl(url.get().strip())) {
            out.add(new FieldProblem("teamServer", "The team server's address must start with http:// or https://, "
                    + "like https://blog.example.com."));
        }
    }

    /** What Settings keep: the address, or null for this computer. */
    String chosenUrl() {
        return useTeamServer.get() ? new RemoteServer(url.get().strip(), null).baseUrl() : null;
    }

    /**
     * Stores a typed token and moves new jobs where {@code chosenUrl} says. Runs on the background
     * thread during save.
     */
    void apply(String chosenUrl, Dialect kind, String typedToken) throws SecretStoreException {
        if (chosenUrl == null) {
            services.jobPlace().runLocally();
            tasks.frames().nextFrame(() -> status.set(""));
            return;
        }
        if (!typedToken.isEmpty()) services.secrets().write(Settings.teamTokenName(chosenUrl), typedToken);
        Connection c = services.jobPlace().runOn(new RemoteServer(chosenUrl, storedToken(chosenUrl)), kind);
        tasks.frames().nextFrame(() -> {
            token.set("");
            status.set(c.message());
        });
    }

    private String storedToken(String address) throws SecretStoreException {
        return services.secrets().read(Settings.teamTokenName(new RemoteServer(address, null).baseUrl())).orElse(null);
    }

    /** The web-address check every form shares, and one {@link RemoteServer} can use as its base URL. */
    private static boolean isWebUrl(String s) {
        if (!WebUrls.isWebAddress(s)) return false;
        try {
            new RemoteServer(s, null);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The last test or switch, in words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
