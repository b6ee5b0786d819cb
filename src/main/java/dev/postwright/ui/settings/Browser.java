package dev.postwright.ui.settings;

import java.net.URI;

/** Opens a page in the writer's browser (the app's {@code HostServices}; tests drive the page themselves). FX thread. */
@FunctionalInterface
public interface Browser {
    void open(URI page);
}
