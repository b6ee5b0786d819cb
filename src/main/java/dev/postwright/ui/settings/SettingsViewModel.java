package dev.postwright.ui.settings;

import dev.postwright.llm.builtin.ModelLoading;
import dev.postwright.model.FieldProblem;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.remote.Dialect;
import dev.postwright.render.Theme;
import dev.postwright.settings.ModelChoice;
import dev.postwright.settings.Settings;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.fx.FxFrames;
import dev.postwright.ui.fx.FxTasks;
import dev.postwright.ui.parts.SeoCheckSwitch;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The settings screen: six forms ({@link #whoWrites who writes}, with the {@link #builtinModel built-in model}
 * and the {@link #modelServer model server}, {@link #images who makes images}, {@link #team where jobs run},
 * the {@link #profile organization profile}, {@link #general this computer}, the {@link #seoChecks SEO checks}), their problems in
 * form order, and {@link #save()}, which writes them all and applies what can change at once (the
 * writer, where jobs run, the theme, the profile, the SEO checks); workers and the data folder apply at the next
 * start, and the message says so. File, keyring, network and database work runs through
 * {@link FxTasks}; properties change on the FX thread. No stage needed.
 */
public final class SettingsViewModel {
    private static final System.Logger LOG = System.getLogger(SettingsViewModel.class.getName());

    /** Who writes: the offline engine, the built-in model or a model server. */
    public final ObjectProperty<WhoWrites> whoWrites = new SimpleObjectProperty<>();
    /** The model server, when it writes. */
    public final ModelServerForm modelServer;
    /** The built-in model, when it writes. */
    public final BuiltinModelForm builtinModel;
    /** The built-in models offered for download, or null when none are. */
    public final ModelDownloadsForm downloads;
    /** Who makes images: the offline maker or an image server. */
    public final ImageServerForm images;
    /** Where jobs run: this computer or a team server. */
    public final TeamServerForm team;
    public final ProfileForm profile;
    /** Jobs at once, theme, data folder. */
    public final GeneralForm general;
    /** The SEO checks counted, each switched on or off. */
    public final SeoChecksForm seoChecks;
    /** The WordPress sites posts are published to, or null when the engine publishes nowhere. Saved on its own. */
    public final SitesForm sites;

    private final SettingsStatus status = new SettingsStatus();
    private final ReadOnlyStringWrapper writerName = new ReadOnlyStringWrapper();
    private final ObjectBinding<List<FieldProblem>> problems;
    private final SettingsServices services;
    private final ObjectProperty<Theme> theme;
    private final FxTasks tasks;
    private Settings current;
    /** The settings the latest save asked to write. */
    private final AtomicReference<Settings> toSave = new AtomicReference<>();

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
        this.tasks = new FxTasks(background, frames);
        whoWrites.set(WhoWrites.of(current.model()));
        modelServer = new ModelServerForm(services, current, whoWrites.isEqualTo(WhoWrites.SERVER),
                () -> this.current.model(), status, tasks);
        builtinModel = new BuiltinModelForm(services.writer(), current, whoWrites.isEqualTo(WhoWrites.BUILTIN), tasks);
        downloads = services.downloads() == null ? null : new ModelDownloadsForm(services.downloads().offered(),
                services.downloads().download(), services.downloads().folder(), tasks, status, file -> {
                    builtinModel.file.set(file.toString());
                    whoWrites.set(WhoWrites.BUILTIN);
                }, file -> this.current.model().isBuiltin() && this.current.model().builtin().file().equals(file));
        images = new ImageServerForm(services, current);
        team = new TeamServerForm(services, current, frames, background);
        profile = new ProfileForm(services, status, tasks);
        general = new GeneralForm(current, dataDirInUse, workersInUse);
        seoChecks = new SeoChecksForm(services.seoChecks(), current);
        sites = services.sites() == null ? null : new SitesForm(services.sites(), tasks);
        Observable[] inputs = Stream.of(modelServer.inputs(), builtinModel.inputs(), images.inputs(), new Observable[] {team.useTeamServer, team.url},
                general.inputs(), profile.inputs()).flatMap(Stream::of).toArray(Observable[]::new);
        problems = Bindings.createObjectBinding(this::computeProblems, inputs);
        for (Observable field : editableFields()) field.addListener(edited -> status.edited());
        writerName.set(nameOf(current, builtinModel.loadingProperty().get()));
        builtinModel.loadingProperty().addListener((o, was, now) -> writerName.set(nameOf(this.current, now)));
    }

    /**
     * What a writer types, ticks or picks on the screen, each of which makes "Settings saved."
     * untrue until the next save. Not what the forms work out themselves (a model file's problem).
     */
    private Observable[] editableFields() {
        return new Observable[] {whoWrites, modelServer.serverUrl, modelServer.model, modelServer.apiKey,
                builtinModel.file, builtinModel.threads, builtinModel.contextSize, builtinModel.useGpu,
                images.useServer, images.serverUrl, images.model, images.size, images.apiKey,
                team.useTeamServer, team.url, team.token, team.dialect,
                profile.organizationName, profile.businessType, profile.audience, profile.industry, profile.brandVoice,
                profile.brandColor, profile.accentColor, profile.ctas, profile.links,
                general.workers, general.dark, general.dataDir};
    }

    /** The settings as last saved (the window's bounds are added to them on close). */
    public Settings current() {
        return current;
    }

    /** Every problem, in form order; empty when the settings can be saved. */
    public ObjectBinding<List<FieldProblem>> problems() {
        return problems;
    }

    /** Saves everything, when there are no problems, and applies what can change now. */
    public void save() {
        if (!problems.get().isEmpty()) {
            status.say(problems.get().getFirst().message());
            return;
        }
        Settings next = general.applyTo(current.withModel(modelChoice()).withImages(images.choice()))
                .withSeoChecksOff(seoChecks.choice())
                .withTeamServer(team.chosenUrl(), team.chosenUrl() == null ? null : team.dialect.get().id());
        String newKey = modelServer.typedKey();
        String newImageKey = images.typedKey();
        String newToken = team.token.get().strip();
        String previousTeam = current.teamServer() + " " + current.teamDialect();
        OrganizationProfile typedProfile = profile.profile();
        toSave.set(next);
        status.busy(true);
        tasks.execute(BackgroundTask.call(() -> {
            saveFile();
            services.profiles().save(typedProfile);
            seoChecks.apply(next.seoChecksOff());
            boolean keySaved = modelServer.apply(next.model(), newKey);
            boolean imageKeySaved = images.apply(next.images(), newImageKey);
            if (!Objects.equals(next.teamServer() + " " + next.teamDialect(), previousTeam) || !newToken.isEmpty()) {
                team.apply(next.teamServer(), Dialect.of(next.teamDialect()), newToken);
            }
            return new boolean[] {keySaved, imageKeySaved};
        }).onSuccess(keysSaved -> saved(next, keysSaved[0], keysSaved[1])).onFailure(e -> {
            LOG.log(Level.WARNING, "Settings were not saved: {0}", e.getMessage());
            status.busy(false);
            status.say("Not saved: " + e.getMessage());
        }));
    }

    private ModelChoice modelChoice() {
        return switch (whoWrites.get()) {
            case OFFLINE -> ModelChoice.OFFLINE;
            case BUILTIN -> ModelChoice.builtin(builtinModel.choice());
            case SERVER -> modelServer.choice();
        };
    }

    private void saved(Settings next, boolean keySaved, boolean imageKeySaved) {
        status.busy(false);
        current = next;
        theme.set(next.theme());
        writerName.set(nameOf(next, builtinModel.loadingProperty().get()));
        modelServer.saved(keySaved);
        builtinModel.saved();
        images.saved(imageKeySaved);
        seoChecks.applied(next.seoChecksOff());
        List<String> later = general.later(next);
        status.saySaved("Settings saved." + (later.isEmpty() ? "" : " Restart Postwright to use " + String.join(" and ", later)
                + "."));
    }

    /**
     * Switches the check {@code checkId} off at once (the SEO panel's "Turn off"): its box is
     * unticked, the next analysis leaves it out, and the settings as last saved are written again
     * with it off, in the background; the screen's other unsaved edits stay unsaved. FX thread.
     */
    public void turnOffCheck(String checkId) {
        switchCheck(checkId, false);
    }

    /** Counts the check {@code checkId} again at once, as {@link #turnOffCheck} leaves it out (its Undo). FX thread. */
    public void turnOnCheck(String checkId) {
        switchCheck(checkId, true);
    }

    private void switchCheck(String checkId, boolean on) {
        seoChecks.tick(checkId, on);
        Set<String> off = new HashSet<>(current.seoChecksOff());
        if (on ? !off.remove(checkId) : !off.add(checkId)) return;
        Settings next = current.withSeoChecksOff(off);
        current = next;
        toSave.set(next);
        seoChecks.apply(next.seoChecksOff());
        seoChecks.applied(next.seoChecksOff());
        tasks.execute(BackgroundTask.run(this::saveFile).onFailure(e -> {
            LOG.log(Level.WARNING, "A switched SEO check was not saved: {0}", e.getMessage());
            status.say("The check is switched until Postwright closes, but it was not saved: " + e.getMessage());
        }));
    }

    /** The SEO panels' switch: {@link #turnOffCheck}, {@link #turnOnCheck}, and the checks off now. */
    public SeoCheckSwitch seoCheckSwitch() {
        return new SeoCheckSwitch() {
            @Override
            public void turnOff(String checkId) {
                turnOffCheck(checkId);
            }

            @Override
            public void turnOn(String checkId) {
                turnOnCheck(checkId);
            }

            @Override
            public ObservableValue<Set<String>> off() {
                return seoChecks.offProperty();
            }
        };
    }

    /**
     * Writes the settings of the latest save asked for, whichever this is: two saves in flight on
     * background threads (Save settings, a panel's Turn off) must not leave the older in the file.
     */
    private void saveFile() throws java.io.IOException {
        synchronized (toSave) {
            services.file().save(toSave.get());
        }
    }

    private List<FieldProblem> computeProblems() {
        List<FieldProblem> out = new ArrayList<>();
        modelServer.addProblems(out);
        builtinModel.addProblems(out);
        images.addProblems(out);
        team.addProblems(out);
        general.addProblems(out);
        profile.addProblems(out);
        return List.copyOf(out);
    }

    /** For the header: who writes, and for the built-in model whether it is ready yet. */
    private static String nameOf(Settings s, ModelLoading.State loading) {
        if (s.model().isBuiltin()) {
            return switch (loading) {
                case ModelLoading.State.Loading l -> "Loading the built-in model " + l.fileName() + "…";
                case ModelLoading.State.Ready r -> "Writing with " + r.run().info().name() + " (built-in)";
                case ModelLoading.State.Failed f -> "The built-in model did not load: see Settings";
                case null, default -> "Writing with the built-in model " + s.model().builtin().file().getFileName();
            };
        }
        return s.model().isOffline() ? "Writing with the offline engine" : "Writing with " + s.model().model();
    }

    /** What the forms said last: models found, saved, not saved and why. */
    public ReadOnlyStringProperty messageProperty() { return status.messageProperty(); }
    /** Who writes new jobs, as saved: "Writing with llama3.1". */
    public ReadOnlyStringProperty writerNameProperty() { return writerName.getReadOnlyProperty(); }
    /** Loading models or saving. */
    public ReadOnlyBooleanProperty busyProperty() { return status.busyProperty(); }
}
