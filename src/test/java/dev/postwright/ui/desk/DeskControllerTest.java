package dev.postwright.ui.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.JobOptions;
import dev.postwright.queue.QueueSettings;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.ManualFrames;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.JobService;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.JobEvent;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The controller with the real engine and frames driven by hand: no stage needed. */
class DeskControllerTest {
    @TempDir
    Path dir;

    @Test
    void followingAFinishedJobAgainReplaysItToTheEnd() throws Exception {
        try (var engine = LocalEngine.open(dir, new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(1), Clock.systemUTC())) {
            engine.jobs().start();
            var frames = new ManualFrames();
            var controller = new DeskController(engine.jobs(), frames, Runnable::run);
            var job = controller.job();
            controller.generate(Briefs.sourdough(JobOptions.DEFAULTS));
            frames.runUntil(() -> job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED);
            String first = job.jobIdProperty().get();
            controller.generate(Briefs.sourdough(JobOptions.DEFAULTS));
            frames.runUntil(() -> !first.equals(job.jobIdProperty().get())
                    && job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED);
            controller.follow(first);
            assertThat(job.jobIdProperty().get()).isEqualTo(first);
            frames.runUntil(() -> job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED);
            assertThat(job.postProperty().get()).isNotNull();
        }
    }

    /** A job service that only subscribes, and remembers each subscription and whether it was closed. */
    static final class Subscriptions {
        record Made(String jobId, JobEventListener listener, boolean[] closed) {}

        final List<Made> made = new ArrayList<>();
        /** Briefs queued, by {@code enqueue}; each job is {@code job-N}. */
        int enqueued;
        /** Set to make {@code enqueue} throw this. */
        RuntimeException refuseEnqueue;
        final JobService service = (JobService) Proxy.newProxyInstance(JobService.class.getClassLoader(),
                new Class<?>[] {JobService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("enqueue")) {
                        if (refuseEnqueue != null) throw refuseEnqueue;
                        return "job-" + ++enqueued;
                    }
                    if (!method.getName().equals("subscribe")) throw new UnsupportedOperationException(method.getName());
                    var one = new Made((String) args[0], (JobEventListener) args[2], new boolean[1]);
                    made.add(one);
                    return (Subscription) () -> one.closed()[0] = true;
                });

        List<String> open() {
            return made.stream().filter(m -> !m.closed()[0]).map(Made::jobId).toList();
        }
    }

    @Test
    void twoQuickFollowsLeaveOnlyTheSecondSubscriptionOpenWhicheverArrivesFirst() {
        for (boolean secondFirst : new boolean[] {false, true}) {
            var jobs = new Subscriptions();
            var frames = new ManualFrames();
            var background = new ArrayDeque<Runnable>();
            var controller = new DeskController(jobs.service, frames, background::add);
            controller.follow("a");
            controller.follow("b");
            assertThat(background).hasSize(2);
            Runnable a = background.remove(), b = background.remove();
            if (secondFirst) {
                b.run();
                frames.runDue();
                a.run();
            } else {
                a.run();
                b.run();
            }
            frames.runDue();
            assertThat(jobs.made).extracting(Subscriptions.Made::jobId).containsExactlyInAnyOrder("a", "b");
            assertThat(jobs.open()).as("open subscriptions, second subscribed first: " + secondFirst).containsExactly("b");
            assertThat(controller.job().jobIdProperty().get()).isEqualTo("b");

            controller.follow("c");
            assertThat(jobs.open()).as("the next follow closes the kept one").isEmpty();
        }
    }

    @Test
    void generateIsHeldFromTheClickUntilItsJobEndsSoOneBriefNeverStartsTwice() {
        var jobs = new Subscriptions();
        var frames = new ManualFrames();
        var background = new ArrayDeque<Runnable>();
        var controller = new DeskController(jobs.service, frames, background::add);
        var brief = Briefs.sourdough(JobOptions.DEFAULTS);
        List<Boolean> busy = new ArrayList<>();
        controller.busyProperty().addListener((o, was, now) -> busy.add(now));

        controller.generate(brief);
        controller.generate(brief); // a double click, or Ctrl+Enter pressed twice
        assertThat(background).as("one enqueue in flight").hasSize(1);
        background.remove().run();
        controller.generate(brief); // the job is queued, its id not yet on the FX thread
        frames.runDue();
        assertThat(jobs.enqueued).isEqualTo(1);
        assertThat(controller.job().jobIdProperty().get()).isEqualTo("job-1");
        background.remove().run(); // the subscription
        frames.runDue();
        controller.generate(brief); // while the job is written
        assertThat(background).isEmpty();

        jobs.made.getFirst().listener().onEvent(new LoggedEvent("job-1", 1, JobEvent.Failed.cancelled(), Instant.EPOCH));
        frames.runDue();
        assertThat(busy).as("held from the click to the end, without flickering free in between").containsExactly(true, false);
        controller.generate(brief);
        background.remove().run();
        frames.runDue();
        assertThat(jobs.enqueued).isEqualTo(2);
        background.remove().run(); // job-2's subscription
        frames.runDue();
        jobs.made.getLast().listener().onEvent(new LoggedEvent("job-2", 1, JobEvent.Failed.cancelled(), Instant.EPOCH));
        frames.runDue();

        // A brief that could not be queued frees Generate again, with the reason.
        jobs.refuseEnqueue = new IllegalStateException("The library refuses writes: the disk is full.");
        controller.generate(brief);
        background.remove().run();
        frames.runDue();
        assertThat(controller.busyProperty().get()).isFalse();
        assertThat(controller.problemProperty().get()).isEqualTo("The library refuses writes: the disk is full.");
    }

    @Test
    void aJobFollowedTwiceQuicklyGetsItsEventsOnce() {
        var jobs = new Subscriptions();
        var frames = new ManualFrames();
        var background = new ArrayDeque<Runnable>();
        var controller = new DeskController(jobs.service, frames, background::add);
        controller.follow("a");
        controller.follow("a");
        background.remove().run();
        background.remove().run();
        frames.runDue();
        // Both replay the log from the start; only the kept one's events reach the view model.
        for (var sub : jobs.made) {
            sub.listener().onEvent(new LoggedEvent("a", 1, new JobEvent.DraftDelta(1, "Hello. "), Instant.EPOCH));
        }
        frames.runDue();
        assertThat(controller.job().draftProperty().get()).isEqualTo("Hello. ");
        assertThat(jobs.open()).hasSize(1);
    }
}
