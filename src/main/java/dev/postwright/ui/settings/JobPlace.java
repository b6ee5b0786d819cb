package dev.postwright.ui.settings;

import dev.postwright.remote.Connection;
import dev.postwright.remote.Dialect;
import dev.postwright.remote.RemoteServer;

/** Where new jobs run; Settings switches it when saved. Methods may block on the network. */
public interface JobPlace {
    /** New jobs run on this computer. */
    void runLocally();

    /** New jobs run on {@code server}; returns how the connection stands now. */
    Connection runOn(RemoteServer server, Dialect dialect);

    /** Checks {@code server} and its token without switching to it. */
    Connection check(RemoteServer server, Dialect dialect);
}
