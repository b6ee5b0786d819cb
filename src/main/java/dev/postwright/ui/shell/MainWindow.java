package dev.postwright.ui.shell;

import atlantafx.base.theme.Styles;
import dev.postwright.ui.desk.DeskView;
import dev.postwright.ui.library.LibraryView;
import dev.postwright.ui.parts.Toasts;
import dev.postwright.ui.publish.Overlay;
import dev.postwright.ui.publish.OutboxView;
import dev.postwright.ui.settings.SettingsView;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import dev.postwright.remote.Connection;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The window: a header to switch between the desk, the library, the outbox (with how many posts
 * wait or failed) and settings, the page, a card over it (the Publish dialog), and the notices.
 * Pages stay alive when hidden, so a job keeps streaming into the desk while the writer edits in
 * the library. Keyboard: Ctrl+Enter generates, Esc closes the card or cancels, Ctrl+S saves,
 * Ctrl+E exports, Ctrl+1/2/3 switch to the desk, library and settings, Ctrl+4 to the outbox.
 */
public final class MainWindow extends BorderPane {
    /** The pages, in header order. */
    public enum Page { DESK, LIBRARY, OUTBOX, SETTINGS }

    private final DeskView desk;
    private final Supplier<LibraryView> makeLibrary;
    private final Supplier<SettingsView> makeSettings;
    private final Supplier<OutboxView> makeOutbox;
    private final Overlay overlay;
    private final Runnable outboxShown;
    private final StackPane pages;
    private LibraryView library;
    private SettingsView settings;
    private OutboxView outbox;
    private final List<ToggleButton> buttons;
    private Page page;

    /**
     * The library and settings pages are built the first time they are shown, so the window
     * opens with only the desk's work done.
     *
     * @param writerName who writes now ("Writing with llama3.1"), shown in the header
     * @param jobPlace   where jobs run and how the connection stands, shown in the header
     * @param connection the team server connection's state (null on this computer), for its colour
     * @param diskProblem why this computer's database refuses writes, or "" (shown under the header)
     * @param outbox      the outbox page, built when first shown; {@code outboxShown} runs each time it is
     * @param waiting     how many posts wait in the outbox or failed there, shown on its button
     * @param overlay     where cards over the pages show (the Publish dialog)
     */
    public MainWindow(DeskView desk, Supplier<LibraryView> library, Supplier<SettingsView> settings, Toasts toasts,
                      ObservableValue<String> writerName, ObservableValue<String> jobPlace,
                      ObservableValue<Connection.State> connection, ObservableValue<String> diskProblem,
                      Supplier<OutboxView> outbox, Runnable outboxShown, ObservableValue<Number> waiting, Overlay overlay) {
        this.desk = desk;
        this.makeLibrary = library;
        this.makeSettings = settings;
        this.makeOutbox = outbox;
        this.outboxShown = outboxShown;
        this.overlay = overlay;
        getStyleClass().add("main-window");
        var brand = new Label("Postwright");
        brand.getStyleClass().add("brand");
        var group = new ToggleGroup();
        buttons = List.of(nav("Write", "nav-desk", Styles.LEFT_PILL, group),
                nav("Library", "nav-library", Styles.CENTER_PILL, group),
                outboxButton(waiting, group),
                nav("Settings", "nav-settings", Styles.RIGHT_PILL, group));
        for (int i = 0; i < buttons.size(); i++) {
            Page target = Page.values()[i];
            buttons.get(i).setOnAction(e -> show(target));
        }
        var writer = new Label();
        writer.setId("writer-name");
        writer.setMinWidth(0); // a long model name gives way, not the navigation
        writer.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        writer.getStyleClass().add("muted");
        writer.textProperty().bind(writerName);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var nav = new HBox(0);
        nav.getChildren().addAll(buttons);
        nav.setMinWidth(Region.USE_PREF_SIZE);
        brand.setMinWidth(Region.USE_PREF_SIZE);
        var place = new Label();
        place.setId("job-place");
        place.getStyleClass().add("job-place");
        place.textProperty().bind(jobPlace);
        place.setAccessibleText("Where jobs run");
        // A team server chooses its own writer, so "Writing with …" would mislead while one is used.
        writer.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> connection.getValue() == null, connection));
        writer.managedProperty().bind(writer.visibleProperty());
        connection.addListener((o, was, now) -> {
            place.getStyleClass().removeAll("connected", "refused", "unreachable", "wrong_kind");
            if (now != null) place.getStyleClass().add(now.name().toLowerCase(java.util.Locale.ROOT));
        });
        var header = new HBox(18, brand, nav, spacer, place, writer);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("app-header");
        setTop(new VBox(header, problemBar(diskProblem)));
        StackPane.setAlignment(toasts, Pos.BOTTOM_CENTER);
        toasts.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        pages = new StackPane(desk, overlay, toasts);
        setCenter(pages);
        show(Page.DESK);
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) installKeys(scene);
        });
    }

    /** A bar under the header, there only while {@code problem} says something. */
    private static Label problemBar(ObservableValue<String> problem) {
        var bar = new Label();
        bar.setId("disk-problem");
        bar.getStyleClass().addAll("problem-bar", Styles.DANGER);
        bar.setWrapText(true);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.textProperty().bind(problem);
        bar.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(bar.textProperty()));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    public void show(Page next) {
        page = next;
        if (next == Page.LIBRARY && library == null) library = add(makeLibrary.get());
        if (next == Page.SETTINGS && settings == null) settings = add(makeSettings.get());
        if (next == Page.OUTBOX && outbox == null) outbox = add(makeOutbox.get());
        overlay.close();
        List<Node> views = Arrays.asList(desk, library, outbox, settings);
        for (int i = 0; i < views.size(); i++) {
            if (views.get(i) != null) views.get(i).setVisible(i == next.ordinal());
            buttons.get(i).setSelected(i == next.ordinal());
        }
        if (next == Page.LIBRARY) library.refresh();
        if (next == Page.OUTBOX) outboxShown.run();
    }

    /** Adds a page under the card and the notices. */
    private <T extends Node> T add(T view) {
        pages.getChildren().add(pages.getChildren().size() - 2, view);
        return view;
    }

    /** "Outbox" with a count of the posts waiting or failed, when there are any. */
    private static ToggleButton outboxButton(ObservableValue<Number> waiting, ToggleGroup group) {
        var button = nav("Outbox", "nav-outbox", Styles.CENTER_PILL, group);
        var count = new Label();
        count.setId("outbox-count");
        count.getStyleClass().add("outbox-count");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> waiting.getValue() == null || waiting.getValue().intValue() == 0 ? "" : waiting.getValue().toString(),
                waiting));
        // Shown as the button's graphic only while there is a count (a hidden graphic is dropped by the skin for good).
        count.textProperty().addListener((o, was, now) -> button.setGraphic(now.isEmpty() ? null : count));
        button.setGraphic(count.getText().isEmpty() ? null : count);
        button.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        button.accessibleTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> count.getText().isEmpty() ? "Outbox" : "Outbox, " + count.getText() + " waiting or failed",
                count.textProperty()));
        return button;
    }

    /** The card layer over the pages (the Publish dialog). */
    public Overlay overlay() {
        return overlay;
    }

    public DeskView desk() {
        return desk;
    }

    /** The library page, built if it has not been shown yet. */
    public LibraryView library() {
        if (library == null) library = add(makeLibrary.get());
        library.setVisible(page == Page.LIBRARY);
        return library;
    }

    public Page page() {
        return page;
    }

    /** Shows the library with post {@code id} open. */
    public void openInLibrary(String id) {
        show(Page.LIBRARY);
        library.open(id);
    }

    private void installKeys(Scene scene) {
        var keys = scene.getAccelerators();
        keys.put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), () -> {
            show(Page.DESK);
            desk.generate();
        });
        keys.put(new KeyCodeCombination(KeyCode.ESCAPE), () -> {
            if (overlay.isOpen()) overlay.close();
            else if (page == Page.DESK) desk.cancel();
        });
        keys.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), () -> {
            if (page == Page.LIBRARY) library.save();
            else if (page == Page.SETTINGS) settings.save();
        });
        keys.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), () -> {
            if (page == Page.DESK) desk.export();
            else if (page == Page.LIBRARY) library.export();
        });
        keys.put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), () -> show(Page.DESK));
        keys.put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN), () -> show(Page.LIBRARY));
        keys.put(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN), () -> show(Page.SETTINGS));
        keys.put(new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN), () -> show(Page.OUTBOX));
        // Quits as the close button does (the app's stop() keeps the window's place and stops the
        // workers), and works where no window manager draws a close button.
        keys.put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), Platform::exit);
    }

    private static ToggleButton nav(String text, String id, String pill, ToggleGroup group) {
        var button = new ToggleButton(text);
        button.setId(id);
        button.getStyleClass().add(pill);
        button.setToggleGroup(group);
        button.setFocusTraversable(true);
        return button;
    }
}
