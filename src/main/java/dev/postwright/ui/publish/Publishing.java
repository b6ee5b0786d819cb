package dev.postwright.ui.publish;

import dev.postwright.ui.parts.UiServices;
import java.time.Clock;

/**
 * Where the library and the desk start publishing: {@link #open} shows the Publish dialog for a
 * library post over the window; when the outbox takes the request, a toast says so (with a way
 * to the outbox) and the outbox reads the queue again. FX thread only.
 */
public final class Publishing {
    private final PublishServices services;
    private final UiServices ui;
    private final OutboxModel outbox;
    private final Overlay overlay;
    private final Runnable openSettings;
    private final Runnable openOutbox;
    private final Clock clock;

    /**
     * @param openSettings shows Settings, where sites are added
     * @param openOutbox   shows the outbox page
     * @param clock        today, for the schedule's first date; its zone is the writer's
     */
    public Publishing(PublishServices services, UiServices ui, OutboxModel outbox, Overlay overlay,
                      Runnable openSettings, Runnable openOutbox, Clock clock) {
        this.services = services;
        this.ui = ui;
        this.outbox = outbox;
        this.overlay = overlay;
        this.openSettings = openSettings;
        this.openOutbox = openOutbox;
        this.clock = clock;
    }

    /** Shows the Publish dialog for library post {@code postId}. */
    public void open(String postId) {
        var model = new PublishDialogModel(postId, services, ui.tasks(), clock);
        overlay.show(new PublishDialogView(model, overlay::close, openSettings, ui.openLink(), queued -> {
            outbox.refresh();
            ui.toasts().show(queued.words(), "Open outbox", openOutbox);
        }));
    }

    /** The outbox behind the dialog. */
    public OutboxModel outbox() {
        return outbox;
    }
}
