package dev.postwright.ui.parts;

import dev.postwright.render.PostRenderer;
import dev.postwright.render.Theme;
import dev.postwright.ui.fx.FxFrames;
import dev.postwright.ui.fx.FxTasks;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;

/**
 * What every screen needs besides its own model: the frame clock, where slow work runs, the
 * renderer, the theme, and the window's dialogs and notices.
 *
 * @param background   engine, database and file work: never the FX thread
 * @param renderThread one thread for Markdown rendering, so renders never queue behind slow work
 * @param openLink     opens a URL in the system browser
 * @param clock        today's date for exports (the front matter's date)
 */
public record UiServices(FxFrames frames, Executor background, Executor renderThread, PostRenderer renderer,
                         ObservableValue<Theme> theme, Consumer<String> openLink, FileDialogs files, Toasts toasts,
                         Clock clock) {
    /** Work for {@code background} whose outcome comes back on the FX thread. */
    public FxTasks tasks() {
        return new FxTasks(background, frames);
    }
}
