package dev.postwright.ui.settings;

import dev.postwright.publish.wordpress.ApprovalListener;
import dev.postwright.publish.wordpress.ApprovalListener.Approval;
import dev.postwright.publish.wordpress.ConnectionCheck;
import dev.postwright.publish.wordpress.Site;
import dev.postwright.publish.wordpress.WordPressClient;
import dev.postwright.settings.SiteBook;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.fx.FxTasks;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One site being added or edited in the Sites card: its name, address, user and application
 * password (blank on an edit keeps the stored one), each field's problem in words, "Test
 * connection" (off the FX thread, cancellable, each request limited to
 * {@link SiteServices#CHECK_TIMEOUT}), and the two ways to get a password from WordPress itself:
 * {@link #connectWithWordPress()} (the approval comes back to a one-shot loopback listener) and
 * {@link #approveThenPaste()}. Properties change on the FX thread. The password is never logged
 * and never in a message.
 */
public final class SiteEditor {
    /** What the last "Test connection" found. */
    public enum Check { NONE, RUNNING, CONNECTED, WARNING }

    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty address = new SimpleStringProperty("");
    public final StringProperty user = new SimpleStringProperty("");
    /** A new application password; blank keeps the stored one (when editing). */
    public final StringProperty password = new SimpleStringProperty("");

    private final SiteServices services;
    private final FxTasks tasks;
    private final Site original;
    private final List<Site> others;
    /** Whether problems are shown: after the field was typed in, or after a save was tried. */
    private final BooleanProperty nameShown = new SimpleBooleanProperty();
    private final BooleanProperty addressShown = new SimpleBooleanProperty();
    private final BooleanProperty userShown = new SimpleBooleanProperty();
    private final BooleanProperty passwordShown = new SimpleBooleanProperty();
    private final StringBinding nameProblem;
    private final StringBinding addressProblem;
    private final StringBinding userProblem;
    private final StringBinding passwordProblem;
    private final ReadOnlyObjectWrapper<Check> check = new ReadOnlyObjectWrapper<>(Check.NONE);
    private final ReadOnlyStringWrapper checkWords = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper approvalWords = new ReadOnlyStringWrapper("");
    /** The thread of the running test, to interrupt on Cancel (its blocking request then ends). */
    private final AtomicReference<Thread> testing = new AtomicReference<>();
    private int testRun;
    private int approvals;
    private ApprovalListener listener;

    /** @param original the site edited, or null to add one; @param others the other sites, whose names are taken */
    SiteEditor(SiteServices services, FxTasks tasks, Site original, List<Site> others) {
        this.services = services;
        this.tasks = tasks;
        this.original = original;
        this.others = List.copyOf(others);
        if (original != null) {
            name.set(original.name());
            address.set(original.address().toString());
            user.set(original.user());
        }
        name.addListener((o, was, now) -> nameShown.set(true));
        address.addListener((o, was, now) -> addressShown.set(true));
        user.addListener((o, was, now) -> userShown.set(true));
        password.addListener((o, was, now) -> passwordShown.set(true));
        nameProblem = shown(nameShown, Bindings.createStringBinding(this::nameProblemNow, name));
        addressProblem = shown(addressShown, Bindings.createStringBinding(
                () -> orEmpty(SiteBook.problemWith("site", address.get())), address));
        userProblem = shown(userShown, Bindings.createStringBinding(() -> user.get().isBlank()
                ? "Enter the WordPress user name you log in with." : "", user));
        passwordProblem = shown(passwordShown, Bindings.createStringBinding(() -> original == null
                && password.get().isBlank() ? "Use Connect with WordPress, or paste an application password." : "",
                password));
    }

    /** The site edited, or null when adding. */
    public Site original() {
        return original;
    }

    /** Shows every field's problem; returns whether the site can be saved. */
    boolean validate() {
        nameShown.set(true);
        addressShown.set(true);
        userShown.set(true);
        passwordShown.set(true);
        return List.of(nameProblem, addressProblem, userProblem, passwordProblem).stream().allMatch(p -> p.get().isEmpty());
    }

    /** The site as typed; call after {@link #validate()}. */
    Site site() {
        return new Site(name.get().strip(), URI.create(address.get().strip()), user.get().strip());
    }

    /**
     * Asks the site, with the typed password (else the stored one), whether it is WordPress, its
     * REST API answers and the password is accepted. Cancel with {@link #cancelTest()}.
     */
    public void testConnection() {
        String whyNot = orEmpty(SiteBook.problemWith("site", address.get()));
        if (whyNot.isEmpty() && user.get().isBlank()) whyNot = "Enter the WordPress user name first.";
        if (!whyNot.isEmpty()) {
            finish(Check.WARNING, whyNot);
            return;
        }
        var site = new Site(name.get().isBlank() ? "site" : name.get().strip(), URI.create(address.get().strip()),
                user.get().strip());
        String typed = password.get().strip();
        String storedUnder = original == null ? null : original.name();
        int run = ++testRun;
        check.set(Check.RUNNING);
        checkWords.set("Asking " + site.address() + "…");
        tasks.execute(BackgroundTask.call(() -> {
            testing.set(Thread.currentThread());
            try {
                String secret = !typed.isEmpty() ? typed
                        : storedUnder == null ? null : services.book().password(storedUnder).orElse(null);
                if (secret == null) return null;
                return new WordPressClient(services.http(), site, secret, SiteServices.CHECK_TIMEOUT).check();
            } finally {
                synchronized (testing) { // a Cancel interrupts this task only, never the thread's next one
                    testing.set(null);
                    Thread.interrupted();
                }
            }
        }).onSuccess(found -> {
            if (run != testRun) return; // cancelled, or a newer test runs
            if (found == null) {
                finish(Check.WARNING, "Enter the application password first, or use Connect with WordPress.");
            } else {
                finish(found instanceof ConnectionCheck.Connected ? Check.CONNECTED : Check.WARNING, found.words());
            }
        }).onFailure(e -> {
            if (run == testRun) finish(Check.WARNING, "The connection could not be tested: " + e.getMessage());
        }));
    }

    /** Stops the running test; its answer, when it comes, is dropped. */
    public void cancelTest() {
        if (check.get() != Check.RUNNING) return;
        testRun++;
        synchronized (testing) {
            Thread running = testing.get();
            if (running != null) running.interrupt();
        }
        finish(Check.NONE, "Test cancelled.");
    }

    /**
     * Opens the site's Authorize Application page in the browser, with a way back to a loopback
     * listener: once the writer approves, the user and a new password fill the form and the
     * connection is tested. Works where WordPress accepts an {@code http://} return address (sites
     * whose environment type is {@code local}); elsewhere WordPress says "The URL must be served
     * over a secure connection" and {@link #approveThenPaste()} is the way.
     */
    public void connectWithWordPress() {
        URI siteAddress = addressForApproval();
        if (siteAddress == null) return;
        cancelApproval();
        int attempt = ++approvals;
        waiting.set(true);
        approvalWords.set("Opening " + siteAddress + " in your browser…");
        tasks.execute(BackgroundTask.call(() -> ApprovalListener.open(services.random(), services.approvalLimit()))
                .onSuccess(opened -> {
                    if (attempt != approvals || !waiting.get()) { // cancelled, or pressed again, while the port opened
                        opened.close();
                        return;
                    }
                    listener = opened;
                    opened.approval().whenComplete((answer, failure) -> tasks.frames().nextFrame(
                            () -> answered(opened, answer, failure)));
                    services.browser().open(opened.authorizeUrl(siteAddress));
                    approvalWords.set("Waiting for you to approve Postwright in the browser (log in first if WordPress "
                            + "asks). If WordPress says \"The URL must be served over a secure connection\", use "
                            + "Approve in WordPress, then paste.");
                }).onFailure(e -> {
                    waiting.set(false);
                    approvalWords.set("Postwright could not listen for WordPress's answer on this computer: "
                            + e.getMessage());
                }));
    }

    /** Opens the Authorize Application page without a way back: WordPress shows the new password to paste. */
    public void approveThenPaste() {
        URI siteAddress = addressForApproval();
        if (siteAddress == null) return;
        cancelApproval();
        services.browser().open(ApprovalListener.pasteUrl(siteAddress));
        approvalWords.set("Approve Postwright in the browser. WordPress then shows a new application password: copy "
                + "it into Application password here, and enter your user name.");
    }

    /** Stops waiting for WordPress; the loopback port closes. */
    public void cancelApproval() {
        boolean was = waiting.get();
        waiting.set(false);
        if (listener != null) {
            listener.cancel();
            listener = null;
        }
        if (was) approvalWords.set("Stopped waiting for WordPress.");
    }

    private void answered(ApprovalListener from, Approval answer, Throwable failure) {
        if (from != listener) return; // cancelled, or an older wait
        listener = null;
        waiting.set(false);
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof CancellationException) return;
            approvalWords.set(cause instanceof TimeoutException
                    ? "WordPress did not answer within " + services.approvalLimit().toMinutes()
                    + " minutes. Press Connect with WordPress to try again."
                    : "WordPress's answer could not be read: " + cause.getMessage());
            return;
        }
        switch (answer) {
            case Approval.Approved approved -> {
                user.set(approved.user());
                password.set(approved.password());
                approvalWords.set("WordPress approved Postwright for " + approved.user()
                        + ". Save the site to keep its new password.");
                testConnection();
            }
            case Approval.Rejected rejected -> approvalWords.set("You did not approve Postwright in WordPress; "
                    + "nothing was changed.");
        }
    }

    /** The typed address, or null after saying what is wrong with it. */
    private URI addressForApproval() {
        String whyNot = orEmpty(SiteBook.problemWith("site", address.get()));
        if (whyNot.isEmpty()) return URI.create(address.get().strip());
        addressShown.set(true);
        approvalWords.set(whyNot);
        return null;
    }

    private void finish(Check state, String words) {
        check.set(state);
        checkWords.set(words);
    }

    private String nameProblemNow() {
        String why = SiteBook.problemWith(name.get(), "https://example.com");
        if (why != null) return why;
        String typed = name.get().strip();
        boolean taken = others.stream().anyMatch(s -> s.name().equalsIgnoreCase(typed));
        return taken ? "You have a site called \"" + typed + "\" already; give this one another name." : "";
    }

    private static StringBinding shown(BooleanProperty shown, StringBinding problem) {
        return Bindings.createStringBinding(() -> shown.get() ? problem.get() : "", shown, problem);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public StringBinding nameProblem() { return nameProblem; }
    public StringBinding addressProblem() { return addressProblem; }
    public StringBinding userProblem() { return userProblem; }
    public StringBinding passwordProblem() { return passwordProblem; }
    /** The last test's outcome: green for {@link Check#CONNECTED}, a warning otherwise. */
    public ReadOnlyObjectProperty<Check> checkProperty() { return check.getReadOnlyProperty(); }
    public ReadOnlyStringProperty checkWordsProperty() { return checkWords.getReadOnlyProperty(); }
    /** Whether Postwright waits for WordPress's approval page to answer. */
    public ReadOnlyBooleanProperty waitingProperty() { return waiting.getReadOnlyProperty(); }
    /** Where the approval stands, in words. */
    public ReadOnlyStringProperty approvalWordsProperty() { return approvalWords.getReadOnlyProperty(); }
}
