package dev.postwright.jobs;

/**
 * Receives a job's events from {@link JobQueue#subscribe}. Calls come on the subscription's own
 * delivery thread, in sequence order, never two at once; a slow listener delays only itself.
 * An exception thrown by the listener is logged and delivery goes on.
 */
public interface JobEventListener {
    void onEvent(LoggedEvent event);

    /**
     * Called once, last: after the terminal event of a finished job, when the job is deleted, or
     * after {@link Subscription#close()}.
     */
    default void onEnd() {}
}
