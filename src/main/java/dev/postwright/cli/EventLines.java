package dev.postwright.cli;

import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.JobEvent;
import dev.postwright.wire.JobEventCodec;
import dev.postwright.wire.Json;

/** One event per line: {@code {"event": name, "id": "<jobId>:<seq>", "data": {…}}}. */
final class EventLines {
    private EventLines() {}

    static String of(LoggedEvent e) {
        return line(JobEventCodec.name(e.event()), e.jobId() + ":" + e.seq(), e.event());
    }

    /** The opening {@code connected} event, which belongs to a stream rather than to the job's log. */
    static String connected(String jobId) {
        return line(JobEventCodec.CONNECTED, null, new JobEvent.Connected("cli-" + jobId, jobId, null, null));
    }

    private static String line(String name, String id, JobEvent event) {
        var node = Json.object().put("event", name);
        if (id == null) node.putNull("id");
        else node.put("id", id);
        node.set("data", JobEventCodec.data(event));
        return Json.write(node);
    }
}
