package dev.postwright.ui.shell;

import dev.postwright.engine.JobRouter;
import dev.postwright.remote.Connection;
import dev.postwright.remote.Dialect;
import dev.postwright.remote.RemoteServer;
import dev.postwright.ui.fx.FxFrames;
import dev.postwright.ui.settings.JobPlace;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The header's view of where jobs run ({@link JobRouter}): "Team server blog.example.com ·
 * connected", and the connection's state for its colour. Settings switch through it
 * ({@link JobPlace}). Properties change on the FX thread; the commands may block on the network.
 */
public final class JobsSwitch implements JobPlace {
    private final JobRouter router;
    private final FxFrames frames;
    private final ReadOnlyStringWrapper place = new ReadOnlyStringWrapper(text(JobRouter.Place.THIS_COMPUTER));
    private final ReadOnlyObjectWrapper<Connection.State> state = new ReadOnlyObjectWrapper<>();

    public JobsSwitch(JobRouter router, FxFrames frames) {
        this.router = router;
        this.frames = frames;
        router.watch(this::show);
        show(router.place());
    }

    @Override
    public void runLocally() {
        router.runLocally();
    }

    @Override
    public Connection runOn(RemoteServer server, Dialect dialect) {
        return router.runOn(server, dialect);
    }

    @Override
    public Connection check(RemoteServer server, Dialect dialect) {
        return router.check(server, dialect);
    }

    private void show(JobRouter.Place now) {
        String text = text(now);
        Connection.State s = now.connection() == null ? null : now.connection().state();
        frames.nextFrame(() -> {
            place.set(text);
            state.set(s);
        });
    }

    /** What the header says for {@code place}. */
    static String text(JobRouter.Place place) {
        if (place.host() == null) return "Jobs run on this computer";
        String host = place.host();
        if (place.connection() == null) return "Team server " + host + " · connecting…";
        return switch (place.connection().state()) {
            case CONNECTED -> "Team server " + host + " · connected";
            case REFUSED -> "Team server " + host + " · sign in again";
            case UNREACHABLE -> "Team server " + host + " · cannot reach";
            case WRONG_KIND -> "Team server " + host + " · wrong kind of server";
        };
    }

    /** Where jobs run, and the connection: "Team server blog.example.com · connected". */
    public ReadOnlyStringProperty placeProperty() {
        return place.getReadOnlyProperty();
    }

    /** The team server connection's state; null while jobs run on this computer or it is not known yet. */
    public ReadOnlyObjectProperty<Connection.State> stateProperty() {
        return state.getReadOnlyProperty();
    }
}
