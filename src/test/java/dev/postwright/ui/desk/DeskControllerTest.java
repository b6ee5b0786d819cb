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
        final JobService service = (JobService) Proxy.newProxyInstance(JobService.class.getClassLoader(),
                new Class<?>[] {JobService.class}, (proxy, method, args) -> {
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
