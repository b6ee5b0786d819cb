package dev.postwright.remote;

import dev.postwright.jobs.Backoff;
import dev.postwright.model.JobEvent;
import dev.postwright.remote.BlogSdkClient.PollTiming;
import dev.postwright.wire.BlogSdkCodec;
import dev.postwright.wire.WireFormatException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows Blog SDK jobs whose stream broke by polling {@code GET /api/v1/blog/jobs/{id}} on the
 * runtime's scheduler, and makes sure each ends: a finished job's events, or a {@code failed}
 * event in words. A poll answered 404, 401/403 or another 4xx ends the job at once
 * ({@code NOT_FOUND}, {@code UNAUTHORIZED}, {@link #SERVER_REFUSED}); a server that cannot be
 * reached, answers 5xx or nonsense is asked again with backoff, and after
 * {@link PollTiming#giveUpAfter} of that the job ends with {@link #SERVER_UNREACHABLE}. A poll makes
 * one blocking call and holds no lock; the log hands the events to its subscribers' lanes.
 */
final class BlogSdkPolls {
    static final String SERVER_UNREACHABLE = "SERVER_UNREACHABLE";
    static final String SERVER_REFUSED = "SERVER_REFUSED";

    private final ServerCalls calls;
    private final String api;
    private final PollTiming timing;
    private final TeamRuntime runtime;
    private final Backoff backoff;
    private volatile boolean closed;

    /** @param api the Blog SDK's root, {@code …/api/v1/blog} */
    BlogSdkPolls(ServerCalls calls, String api, PollTiming timing, TeamRuntime runtime) {
        this.calls = calls;
        this.api = api;
        this.timing = timing;
        this.runtime = runtime;
        Duration longest = timing.every().compareTo(Duration.ofSeconds(30)) > 0 ? timing.every() : Duration.ofSeconds(30);
        this.backoff = new Backoff(timing.every(), longest, runtime.random());
    }

    /** Where the polling of one job stands: since when polls have been failing. */
    private record Poll(JobLog log, Instant failingSince, int failures) {}

    /** Polls {@code log}'s job until it ends (or until {@link #close()}); its events go to the log. */
    void follow(JobLog log) {
        schedulePoll(new Poll(log, null, 0), timing.every());
    }

    /** Stops every poll. */
    void close() {
        closed = true;
    }

    private void schedulePoll(Poll poll, Duration delay) {
        if (closed) return;
        try {
            runtime.scheduler().schedule(() -> poll(poll), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // the runtime stopped: so has the app
        }
    }

    private void poll(Poll poll) {
        JobLog log = poll.log();
        if (closed || log.ended()) return;
        String problem;
        try (Response response = calls.execute(new Request.Builder().url(api + "/jobs/" + log.jobId()))) {
            String body = response.body().string();
            int status = response.code();
            if (response.isSuccessful()) {
                var snapshot = BlogSdkCodec.snapshot(body);
                if (snapshot.ended()) {
                    snapshot.updates().forEach(log::appendProgressIfNew);
                    snapshot.ending().forEach(log::append);
                    return;
                }
                // What the job went through while we were away, then where it is now; repeats are left out.
                snapshot.updates().forEach(log::appendProgressIfNew);
                log.appendProgressIfNew(snapshot.progress());
                schedulePoll(new Poll(log, null, 0), timing.every());
                return;
            }
            if (status == 404 || status == 401 || status == 403) {
                log.append(new JobEvent.Failed(RemoteErrors.describe(status == 403 ? 401 : status, body),
                        status == 404 ? "NOT_FOUND" : "UNAUTHORIZED"));
                return;
            }
            problem = RemoteErrors.describe(status, body);
            if (status < 500) {
                log.append(new JobEvent.Failed(problem, SERVER_REFUSED));
                return;
            }
        } catch (IOException e) {
            problem = RemoteErrors.unreachable(calls.server(), e);
        } catch (WireFormatException e) {
            problem = "The server's answer about the job made no sense (" + e.getMessage() + ").";
        }
        Instant now = runtime.clock().instant();
        Instant since = poll.failingSince() == null ? now : poll.failingSince();
        if (Duration.between(since, now).compareTo(timing.giveUpAfter()) >= 0) {
            log.append(new JobEvent.Failed(problem + " Postwright stopped asking about the job after "
                    + spoken(timing.giveUpAfter()) + " of that; it may still finish on the server.", SERVER_UNREACHABLE));
            return;
        }
        int failures = poll.failures() + 1;
        Duration wait = backoff.after(failures);
        schedulePoll(new Poll(log, since, failures), wait.compareTo(timing.every()) > 0 ? wait
                : timing.every());
    }

    private static String spoken(Duration d) {
        long minutes = d.toMinutes();
        if (minutes >= 1) return minutes == 1 ? "a minute" : minutes + " minutes";
        long seconds = Math.max(1, d.toSeconds());
        return seconds == 1 ? "a second" : seconds + " seconds";
    }
}
