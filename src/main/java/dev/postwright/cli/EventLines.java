package dev.postwright.cli;

import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.JobEvent;
import dev.postwright.wire.JobEventCodec;

/** One event per line: {@code {"event": name, "id": "<jobId>:<seq>", "data": {…}}}. */
final class EventLines {
    private EventLines() {}

    static String of(LoggedEvent e) {
        return JobEventCodec.line(e.jobId() + ":" + e.seq(), e.event());
    }

    /** The opening {@code connected} event, which belongs to a stream rather than to the job's log. */
    static String connected(String jobId) {
        return JobEventCodec.line(null, new JobEvent.Connected("cli-" + jobId, jobId, null, null));
    }
}
