package dev.postwright.ui.settings;

import dev.postwright.jobs.JobFailure;
import dev.postwright.llm.openai.ModelServer;
import dev.postwright.model.FieldProblem;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.model.WebUrls;
import dev.postwright.remote.Dialect;
import dev.postwright.render.Theme;
import dev.postwright.settings.ModelChoice;
import dev.postwright.settings.SecretStore.SecretStoreException;
import dev.postwright.settings.Settings;
import dev.postwright.store.StoreException;
import dev.postwright.ui.fx.FxFrames;
import dev.postwright.ui.parts.CtaRow;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The settings form: who writes (the offline engine or an OpenAI-compatible server, its model
 * and API key), how many jobs run at once, the theme, the data folder, and the organization
 * profile. {@link #save()} writes them all and applies what can change at once (the writer, the
 * theme, the profile); workers and the data folder apply at the next start, and the form says
 * so. Keys go to the {@link dev.postwright.settings.SecretStore}, never the settings file. File,
 * keyring, network and database work runs on {@code background}; properties change on the FX
 * thread. No stage needed.
 */
public final class SettingsViewModel {
    private static final System.Logger LOG = System.getLogger(SettingsViewModel.class.getName());

    public final BooleanProperty useServer = new SimpleBooleanProperty();
    public final StringProperty serverUrl = new SimpleStringProperty("");
    public final StringProperty model = new SimpleStringProperty("");
    /** A new key to save; blank keeps the stored one. Cleared after saving. */
    public final StringProperty apiKey = new SimpleStringProperty("");
    public final IntegerProperty workers = new SimpleIntegerProperty(Settings.DEFAULTS.workers());
    public final BooleanProperty dark = new SimpleBooleanProperty();
    /** Blank for the platform's usual place. */
    public final StringProperty dataDir = new SimpleStringProperty("");
    public final StringProperty organizationName = new SimpleStringProperty("");
    public final StringProperty businessType = new SimpleStringProperty("");
    public final StringProperty audience = new SimpleStringProperty("");
    public final StringProperty industry = new SimpleStringProperty("");
    public final StringProperty brandVoice = new SimpleStringProperty("");
    public final ObservableList<CtaRow> ctas = CtaRow.list();
    public final ObservableList<LinkRow> links = LinkRow.list();
    /** Where jobs run: this computer or a team server. */
    public final TeamServerForm team;

    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper keyStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper writerName = new ReadOnlyStringWrapper();
    private final ObjectBinding<List<FieldProblem>> problems;

    private final SettingsServices services;
    private final ObjectProperty<Theme> theme;
    private final Path dataDirInUse;
    private final int workersInUse;
    private final FxFrames frames;
    private final Executor background;
    private Settings current;
    private boolean hasStoredKey;

    /**
     * @param current      the settings as loaded at start
     * @param theme        the app's theme, set when a new one is saved
     * @param dataDirInUse the data folder this run opened
     * @param workersInUse the worker count this run started
     */
    public SettingsViewModel(SettingsServices services, Settings current, ObjectProperty<Theme> theme, Path dataDirInUse,
                             int workersInUse, FxFrames frames, Executor background) {
        this.services = services;
        this.current = current;
        this.theme = theme;
        this.dataDirInUse = dataDirInUse;
        this.workersInUse = workersInUse;
        this.frames = frames;
        this.background = background;
        team = new TeamServerForm(services, current, frames, background);
        problems = Bindings.createObjectBinding(this::computeProblems, useServer, serverUrl, model, dataDir, ctas, links,
                team.useTeamServer, team.url);
        show(current);
        writerName.set(nameOf(current));
        serverUrl.addListener((o, was, now) -> {
            models.clear();
            refreshKeyStatus();
        });
        background.execute(this::loadProfile);
    }

    /** The settings as last saved (the window's bounds are added to them on close). */
    public Settings current() {
        return current;
    }

    /** Every problem, in form order; empty when the settings can be saved. */
    public ObjectBinding<List<FieldProblem>> problems() {
        return problems;
    }

    /** Asks the server for its models, to choose from; says what went wrong when it cannot answer. */
    public void loadModels() {
        String url = serverUrl.get().strip();
        String typedKey = apiKey.get();
        if (!isWebUrl(url)) {
            message.set("Enter the server's address first, like " + ModelServer.OLLAMA_URL + ".");
            return;
        }
        busy.set(true);
        message.set("Asking " + url + " for its models…");
        background.execute(() -> {
            try {
                String key = typedKey.isBlank() ? storedKey(url) : typedKey;
                List<String> found = services.catalog().models(ModelServer.of(url, null).withApiKey(key));
                frames.nextFrame(() -> {
                    busy.set(false);
                    models.setAll(found);
                    if ((model.get().isBlank() || !found.contains(model.get())) && !found.isEmpty()) {
                        model.set(found.getFirst());
                    }
                    message.set(found.isEmpty() ? url + " answered but offers no models."
                            : "Found " + found.size() + (found.size() == 1 ? " model" : " models") + " at " + url + ".");
                });
            } catch (JobFailure | SecretStoreException e) {
                frames.nextFrame(() -> {
                    busy.set(false);
                    message.set(e.getMessage());
                });
            }
        });
    }

    /** Removes the stored API key for the server. */
    public void forgetKey() {
        String url = ModelChoice.server(serverUrl.get(), null).baseUrl();
        if (url == null) return;
        background.execute(() -> {
            try {
                services.secrets().delete(url);
                services.writer().select(current.model(), null);
                frames.nextFrame(() -> {
                    hasStoredKey = false;
                    updateKeyStatus();
                    message.set("The API key for " + url + " was removed.");
                });
            } catch (SecretStoreException e) {
                frames.nextFrame(() -> message.set(e.getMessage()));
            }
        });
    }

    /** Saves everything, when there are no problems, and applies what can change now. */
    public void save() {
        if (!problems.get().isEmpty()) {
            message.set(problems.get().getFirst().message());
            return;
        }
        Settings next = current.withModel(useServer.get() ? ModelChoice.server(serverUrl.get(), model.get())
                        : ModelChoice.OFFLINE).withWorkers(workers.get()).withTheme(dark.get() ? Theme.DARK : Theme.LIGHT)
                .withDataDir(dataDir.get().isBlank() ? null : Path.of(dataDir.get().strip()))
                .withTeamServer(team.chosenUrl(), team.chosenUrl() == null ? null : team.dialect.get().id());
        String newKey = apiKey.get().strip();
        String newToken = team.token.get().strip();
        String previousTeam = current.teamServer() + " " + current.teamDialect();
        OrganizationProfile profile = profile();
        busy.set(true);
        background.execute(() -> {
            try {
                services.file().save(next);
                String url = next.model().baseUrl();
                if (url != null && !newKey.isEmpty()) services.secrets().write(url, newKey);
                services.profiles().save(profile);
                services.writer().select(next.model(), url == null ? null : storedKey(url));
                if (!Objects.equals(next.teamServer() + " " + next.teamDialect(), previousTeam) || !newToken.isEmpty()) {
                    team.apply(next.teamServer(), Dialect.of(next.teamDialect()), newToken);
                }
                frames.nextFrame(() -> saved(next, url != null && !newKey.isEmpty()));
            } catch (IOException | SecretStoreException | StoreException e) {
                LOG.log(Level.WARNING, "Settings were not saved: {0}", e.getMessage());
                frames.nextFrame(() -> {
                    busy.set(false);
                    message.set("Not saved: " + e.getMessage());
                });
            }
        });
    }

    private void saved(Settings next, boolean keySaved) {
        busy.set(false);
        current = next;
        theme.set(next.theme());
        writerName.set(nameOf(next));
        if (keySaved) {
            apiKey.set("");
            hasStoredKey = true;
        }
        updateKeyStatus();
        List<String> later = new ArrayList<>();
        if (next.workers() != workersInUse) later.add("the number of jobs at once");
        Path chosen = next.dataDir();
        if (chosen != null && !chosen.toAbsolutePath().equals(dataDirInUse.toAbsolutePath())) later.add("the data folder");
        message.set("Settings saved." + (later.isEmpty() ? "" : " Restart Postwright to use " + String.join(" and ", later)
                + "."));
    }

    private void show(Settings s) {
        useServer.set(!s.model().isOffline());
        serverUrl.set(s.model().isOffline() ? ModelServer.OLLAMA_URL : s.model().baseUrl());
        model.set(Objects.requireNonNullElse(s.model().model(), ""));
        workers.set(s.workers());
        dark.set(s.theme() == Theme.DARK);
        dataDir.set(s.dataDir() == null ? "" : s.dataDir().toString());
        refreshKeyStatus();
    }

    private void loadProfile() {
        String org = services.organizationId();
        OrganizationProfile p;
        try {
            p = services.profiles().find(org).orElse(OrganizationProfile.empty(org));
        } catch (StoreException e) {
            frames.nextFrame(() -> message.set("The organization profile could not be read: " + e.getMessage()));
            return;
        }
        frames.nextFrame(() -> {
            organizationName.set(orEmpty(p.name()));
            businessType.set(orEmpty(p.businessType()));
            audience.set(orEmpty(p.audience()));
            industry.set(orEmpty(p.industry()));
            brandVoice.set(orEmpty(p.brandVoice()));
            ctas.setAll(p.ctas().stream().map(CtaRow::of).toList());
            links.setAll(p.internalLinks().stream().map(LinkRow::of).toList());
        });
    }

    private void refreshKeyStatus() {
        String url = ModelChoice.server(serverUrl.get(), null).baseUrl();
        if (url == null || !isWebUrl(url)) {
            hasStoredKey = false;
            updateKeyStatus();
            return;
        }
        background.execute(() -> {
            boolean stored;
            try {
                stored = services.secrets().read(url).isPresent();
            } catch (SecretStoreException e) {
                frames.nextFrame(() -> keyStatus.set(e.getMessage()));
                return;
            }
            frames.nextFrame(() -> {
                if (!url.equals(ModelChoice.server(serverUrl.get(), null).baseUrl())) return; // the URL changed since
                hasStoredKey = stored;
                updateKeyStatus();
            });
        });
    }

    private void updateKeyStatus() {
        keyStatus.set(hasStoredKey ? "A key for this server is kept in " + services.secrets().description() + "."
                : "No key stored. Local servers (Ollama, LM Studio) need none; keys are kept in "
                + services.secrets().description() + ".");
    }

    private String storedKey(String url) throws SecretStoreException {
        return services.secrets().read(url).orElse(null);
    }

    private OrganizationProfile profile() {
        return new OrganizationProfile(services.organizationId(), blankToNull(organizationName.get()),
                blankToNull(businessType.get()), blankToNull(audience.get()), blankToNull(industry.get()),
                blankToNull(brandVoice.get()), ctas.stream().map(CtaRow::toCta).toList(),
                links.stream().map(LinkRow::toLink).toList());
    }

    private List<FieldProblem> computeProblems() {
        List<FieldProblem> out = new ArrayList<>();
        if (useServer.get()) {
            if (!isWebUrl(serverUrl.get().strip())) {
                out.add(new FieldProblem("serverUrl", "The server address must start with http:// or https://, like "
                        + ModelServer.OLLAMA_URL + "."));
            } else if (model.get().isBlank()) {
                out.add(new FieldProblem("model", "Choose a model: press Load models, or type its name."));
            }
        }
        team.addProblems(out);
        if (!dataDir.get().isBlank()) {
            try {
                if (!Path.of(dataDir.get().strip()).isAbsolute()) {
                    out.add(new FieldProblem("dataDir", "The data folder must be a full path, like /home/you/Postwright."));
                }
            } catch (InvalidPathException e) {
                out.add(new FieldProblem("dataDir", "The data folder is not a valid path: " + e.getReason() + "."));
            }
        }
        for (int i = 0; i < ctas.size(); i++) {
            var cta = ctas.get(i).toCta();
            if (cta.text() == null) {
                out.add(new FieldProblem("ctas[" + i + "].text", "Call to action " + (i + 1)
                        + " has no text. Add the text or remove it."));
            }
            if (cta.href() != null && !isWebUrl(cta.href())) {
                out.add(new FieldProblem("ctas[" + i + "].href", "The link of call to action " + (i + 1)
                        + " must start with http:// or https://."));
            } else if (cta.href() != null && !WebUrls.isSingleWebUrl(cta.href())) {
                // The same rule as a brief's (BriefRules): profile calls to action go into posts too.
                out.add(new FieldProblem("ctas[" + i + "].href", "The link of call to action " + (i + 1)
                        + " must be one web address, like https://example.com/page, with no spaces, quotes or square "
                        + "brackets in it."));
            }
        }
        for (int i = 0; i < links.size(); i++) {
            var link = links.get(i).toLink();
            if (link.title().isEmpty()) {
                out.add(new FieldProblem("links[" + i + "].title", "Internal link " + (i + 1) + " needs a title."));
            }
            if (!isWebUrl(link.url())) {
                out.add(new FieldProblem("links[" + i + "].url", "Internal link " + (i + 1)
                        + " must start with http:// or https://."));
            }
        }
        return List.copyOf(out);
    }

    private static String nameOf(Settings s) {
        return s.model().isOffline() ? "Writing with the offline engine" : "Writing with " + s.model().model();
    }

    private static boolean isWebUrl(String s) {
        if (s == null) return false;
        String t = s.strip().toLowerCase(java.util.Locale.ROOT);
        return (t.startsWith("http://") || t.startsWith("https://")) && t.length() > t.indexOf("//") + 2;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public ObservableList<String> models() { return models; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyStringProperty keyStatusProperty() { return keyStatus.getReadOnlyProperty(); }
    /** Who writes new jobs, as saved: "Writing with llama3.1". */
    public ReadOnlyStringProperty writerNameProperty() { return writerName.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
}
