package dev.postwright.ui.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.JobOptions;
import dev.postwright.queue.QueueSettings;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.ManualFrames;
import java.nio.file.Path;
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
}
