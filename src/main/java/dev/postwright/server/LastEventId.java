package dev.postwright.server;

import org.eclipse.jetty.server.Request;

/**
 * Where a stream resumes: the {@code Last-Event-ID} header (sent by EventSource on reconnect), else
 * {@code ?lastEventId=}. Ids are {@code <jobId>:<seq>}, as the server writes them; a bare number
 * is taken as the sequence.
 */
final class LastEventId {
    private LastEventId() {}

    /**
     * The sequence number to resume after; 0 (from the start) without an id.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong with the id
     * @throws QueryParameters.BadQueryException when the query is not well formed
     */
    static long afterSeq(Request request, String jobId) {
        String id = request.getHeaders().get("Last-Event-ID");
        if (id == null || id.isBlank()) id = QueryParameters.value(request, "lastEventId");
        if (id == null || id.isBlank()) return 0;
        String seq = id.strip();
        int colon = seq.lastIndexOf(':');
        if (colon >= 0) {
            if (!seq.substring(0, colon).equals(jobId)) {
                throw new IllegalArgumentException("The Last-Event-ID belongs to another job; send an id from this "
                        + "job's stream, or none to start from the beginning.");
            }
            seq = seq.substring(colon + 1);
        }
        try {
            long value = Long.parseLong(seq);
            if (value < 0) throw new NumberFormatException();
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The Last-Event-ID should look like <jobId>:<number>, as this server "
                    + "sends it.");
        }
    }
}
