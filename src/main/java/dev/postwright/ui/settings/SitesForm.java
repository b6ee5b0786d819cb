package dev.postwright.ui.settings;

import dev.postwright.publish.wordpress.Site;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.fx.FxTasks;
import java.lang.System.Logger.Level;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "WordPress sites" part of Settings: the writer's sites ({@code settings.SiteBook}: names,
 * addresses and users in {@code sites.json}, passwords in the key store), one {@link SiteEditor}
 * at a time to add or edit one, and Remove, which asks first. Saved on its own, not with the
 * rest of Settings. File and key-store work runs through {@link FxTasks}; properties change on
 * the FX thread. Part of {@link SettingsViewModel}.
 */
public final class SitesForm {
    private static final System.Logger LOG = System.getLogger(SitesForm.class.getName());

    private final SiteServices services;
    private final FxTasks tasks;
    private final ObservableList<Site> sites = FXCollections.observableArrayList();
    private final ObservableList<Site> sitesView = FXCollections.unmodifiableObservableList(sites);
    private final ReadOnlyObjectWrapper<SiteEditor> editor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Site> removing = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper fileProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private int reads;

    SitesForm(SiteServices services, FxTasks tasks) {
        this.services = services;
        this.tasks = tasks;
        reload(null);
    }

    /** Opens an empty editor for a new site. */
    public void add() {
        open(null);
    }

    /** Opens the editor on {@code site}; its password field starts blank (kept unless one is typed). */
    public void edit(Site site) {
        open(site);
    }

    /** Closes the editor without saving; a wait for WordPress's approval ends. */
    public void closeEditor() {
        SiteEditor open = editor.get();
        if (open != null) {
            open.cancelTest();
            open.cancelApproval();
        }
        editor.set(null);
    }

    /**
     * Saves the edited site: its password into the key store (a blank one keeps the stored one,
     * also across a rename), then the file. Shows every field's problem instead when there are any.
     */
    public void save() {
        SiteEditor open = editor.get();
        if (open == null) return;
        if (!open.validate()) {
            status.set("Correct the fields marked above, then save.");
            return;
        }
        Site site = open.site();
        Site original = open.original();
        String typed = open.password.get().strip();
        status.set("Saving " + site.name() + "…");
        tasks.execute(BackgroundTask.run(() -> {
            boolean renamed = original != null && !original.name().equalsIgnoreCase(site.name());
            String password = !typed.isEmpty() ? typed
                    : renamed ? services.book().password(original.name()).orElse(null) : null;
            services.book().save(site, password);
            if (renamed) services.book().remove(original.name());
        }).onSuccess(done -> {
            if (editor.get() == open) closeEditor();
            reload("Saved \"" + site.name() + "\". " + (typed.isEmpty() && original != null
                    ? "Its application password is unchanged, in " : "Its application password is kept in ")
                    + services.book().whereSecretsAre() + ", never in the sites file.");
        }).onFailure(e -> {
            LOG.log(Level.WARNING, "A site was not saved: {0}", e.getMessage());
            status.set("Not saved: " + e.getMessage());
        }));
    }

    /** Asks before removing {@code site}: {@link #removingProperty()} names it until {@link #remove()} or {@link #keep()}. */
    public void askToRemove(Site site) {
        removing.set(site);
    }

    /** Keeps the site {@link #askToRemove} asked about. */
    public void keep() {
        removing.set(null);
    }

    /** Removes the site {@link #askToRemove} asked about, and its password. */
    public void remove() {
        Site site = removing.get();
        if (site == null) return;
        removing.set(null);
        tasks.execute(BackgroundTask.run(() -> services.book().remove(site.name()))
                .onSuccess(done -> {
                    SiteEditor open = editor.get();
                    if (open != null && open.original() != null && open.original().name().equalsIgnoreCase(site.name())) {
                        closeEditor();
                    }
                    reload("Removed \"" + site.name() + "\" and its application password.");
                })
                .onFailure(e -> status.set("Not removed: " + e.getMessage())));
    }

    private void open(Site site) {
        closeEditor();
        removing.set(null);
        List<Site> others = sites.stream().filter(s -> site == null || !s.name().equalsIgnoreCase(site.name())).toList();
        editor.set(new SiteEditor(services, tasks, site, others));
        status.set("");
    }

    private void reload(String then) {
        int run = ++reads;
        tasks.execute(BackgroundTask.call(() -> new Read(services.book().list(), services.book().problem()))
                .onSuccess(read -> {
                    if (run != reads) return; // a newer read, after a save or a removal, is the one to show
                    sites.setAll(read.sites());
                    fileProblem.set(read.problem() == null ? "" : read.problem());
                    if (then != null) status.set(then);
                })
                .onFailure(e -> status.set("Your sites could not be read: " + e.getMessage())));
    }

    private record Read(List<Site> sites, String problem) {}

    /** The sites, in the order they were added. */
    public ObservableList<Site> sites() { return sitesView; }
    /** The open editor, or null. */
    public ReadOnlyObjectProperty<SiteEditor> editorProperty() { return editor.getReadOnlyProperty(); }
    /** The site Remove asks about, or null. */
    public ReadOnlyObjectProperty<Site> removingProperty() { return removing.getReadOnlyProperty(); }
    /** Why sites.json could not be used (it was damaged and set aside), or empty. */
    public ReadOnlyStringProperty fileProblemProperty() { return fileProblem.getReadOnlyProperty(); }
    /** What the card said last: saved, removed, not saved and why. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** Where passwords are kept, in words. */
    public String whereSecretsAre() { return services.book().whereSecretsAre(); }
}
