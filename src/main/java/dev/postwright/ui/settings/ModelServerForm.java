package dev.postwright.ui.settings;

import dev.postwright.llm.openai.ModelServer;
import dev.postwright.model.FieldProblem;
import dev.postwright.model.WebUrls;
import dev.postwright.settings.ModelChoice;
import dev.postwright.settings.SecretStore.SecretStoreException;
import dev.postwright.settings.Settings;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.fx.FxTasks;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The model server part of "Who writes": an OpenAI-compatible server's address, model and API key. Keys go to the key store under the server's address, never the
 * settings file; a blank key field keeps the stored one. Keyring and network calls run through
 * {@link FxTasks}; properties change on the FX thread. Part of {@link SettingsViewModel}, which
 * saves it with everything else.
 */
public final class ModelServerForm {
    /** Whether "A model server" is the answer chosen on the screen. */
    public final BooleanExpression useServer;
    public final StringProperty serverUrl = new SimpleStringProperty("");
    public final StringProperty model = new SimpleStringProperty("");
    /** A new key to save; blank keeps the stored one. Cleared after saving. */
    public final StringProperty apiKey = new SimpleStringProperty("");

    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<String> modelsView = FXCollections.unmodifiableObservableList(models);
    private final ReadOnlyStringWrapper keyStatus = new ReadOnlyStringWrapper("");
    private final SettingsServices services;
    private final SettingsStatus status;
    private final FxTasks tasks;
    private final Supplier<ModelChoice> savedChoice;
    private boolean hasStoredKey;

    /**
     * @param useServer   whether "A model server" is the answer chosen on the screen
     * @param savedChoice the model choice as last saved: what jobs use once a key is forgotten
     */
    ModelServerForm(SettingsServices services, Settings current, BooleanExpression useServer,
                    Supplier<ModelChoice> savedChoice, SettingsStatus status, FxTasks tasks) {
        this.services = services;
        this.useServer = useServer;
        this.savedChoice = savedChoice;
        this.status = status;
        this.tasks = tasks;
        serverUrl.set(!current.model().isServer() ? ModelServer.OLLAMA_URL : current.model().baseUrl());
        model.set(Objects.requireNonNullElse(current.model().model(), ""));
        refreshKeyStatus();
        serverUrl.addListener((o, was, now) -> {
            models.clear();
            refreshKeyStatus();
        });
    }

    /** Asks the server for its models, to choose from; says what went wrong when it cannot answer. */
    public void loadModels() {
        String url = serverUrl.get().strip();
        String typedKey = apiKey.get();
        if (!WebUrls.isWebAddress(url)) {
            status.say("Enter the server's address first, like " + ModelServer.OLLAMA_URL + ".");
            return;
        }
        status.busy(true);
        status.say("Asking " + url + " for its models…");
        tasks.execute(BackgroundTask.call(() -> {
            String key = typedKey.isBlank() ? storedKey(url) : typedKey;
            return services.catalog().models(ModelServer.of(url, null).withApiKey(key));
        }).onSuccess(found -> {
            status.busy(false);
            models.setAll(found);
            if ((model.get().isBlank() || !found.contains(model.get())) && !found.isEmpty()) model.set(found.getFirst());
            status.say(found.isEmpty() ? url + " answered but offers no models."
                    : "Found " + found.size() + (found.size() == 1 ? " model" : " models") + " at " + url + ".");
        }).onFailure(e -> {
            status.busy(false);
            status.say(e.getMessage());
        }));
    }

    /** Removes the stored API key for the server. */
    public void forgetKey() {
        String url = ModelChoice.server(serverUrl.get(), null).baseUrl();
        if (url == null) return;
        ModelChoice saved = savedChoice.get();
        tasks.execute(BackgroundTask.run(() -> {
            services.secrets().delete(url);
            services.writer().select(saved, null);
        }).onSuccess(done -> {
            hasStoredKey = false;
            updateKeyStatus();
            status.say("The API key for " + url + " was removed.");
        }).onFailure(e -> status.say(e.getMessage())));
    }

    void addProblems(List<FieldProblem> out) {
        if (!useServer.get()) return;
        if (!WebUrls.isWebAddress(serverUrl.get())) {
            out.add(new FieldProblem("serverUrl", "The server address must start with http:// or https://, like "
                    + ModelServer.OLLAMA_URL + "."));
        } else if (model.get().isBlank()) {
            out.add(new FieldProblem("model", "Choose a model: press Load models, or type its name."));
        }
    }

    /** The server and model as typed. */
    ModelChoice choice() {
        return ModelChoice.server(serverUrl.get(), model.get());
    }

    /** The key typed to save, stripped; empty keeps the stored one. */
    String typedKey() {
        return apiKey.get().strip();
    }

    /**
     * Stores a typed key and makes {@code choice} the writer. Runs on the background thread
     * during save; returns whether a key was stored.
     */
    boolean apply(ModelChoice choice, String typedKey) throws SecretStoreException {
        String url = choice.baseUrl();
        boolean keySaved = url != null && !typedKey.isEmpty();
        if (keySaved) services.secrets().write(url, typedKey);
        services.writer().select(choice, url == null ? null : storedKey(url));
        return keySaved;
    }

    /** After a save, on the FX thread. */
    void saved(boolean keySaved) {
        if (keySaved) {
            apiKey.set("");
            hasStoredKey = true;
        }
        updateKeyStatus();
    }

    private void refreshKeyStatus() {
        String url = ModelChoice.server(serverUrl.get(), null).baseUrl();
        if (url == null || !WebUrls.isWebAddress(url)) {
            hasStoredKey = false;
            updateKeyStatus();
            return;
        }
        tasks.execute(BackgroundTask.call(() -> services.secrets().read(url).isPresent()).onSuccess(stored -> {
            if (!url.equals(ModelChoice.server(serverUrl.get(), null).baseUrl())) return; // the URL changed since
            hasStoredKey = stored;
            updateKeyStatus();
        }).onFailure(e -> keyStatus.set(e.getMessage())));
    }

    private void updateKeyStatus() {
        keyStatus.set(hasStoredKey ? "A key for this server is kept in " + services.secrets().description() + "."
                : "No key stored. Local servers (Ollama, LM Studio) need none; keys are kept in "
                + services.secrets().description() + ".");
    }

    private String storedKey(String url) throws SecretStoreException {
        return services.secrets().read(url).orElse(null);
    }

    /** What the problems depend on. */
    Observable[] inputs() {
        return new Observable[] {useServer, serverUrl, model};
    }

    /** The models the server offered at the last Load models; cleared when the address changes. */
    public ObservableList<String> models() { return modelsView; }
    /** Whether a key is stored for the server, and where keys are kept. */
    public ReadOnlyStringProperty keyStatusProperty() { return keyStatus.getReadOnlyProperty(); }
}
