package dev.postwright.pipeline;

import dev.postwright.model.Stage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.LocalEngine;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobState;
import dev.postwright.queue.QueueSettings;
import dev.postwright.testing.KilledMidDraft;
import dev.postwright.testing.LogFold;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real job killed mid-draft by SIGKILL, resumed by the next start: its log still tells its draft. */
class ResumedDraftTest {
    @TempDir
    Path data;

    @Test
    void theLogOfAJobKilledMidDraftJoinsIntoExactlyTheDraftItSaved() throws Exception {
        String id = KilledMidDraft.job(data, null);
        try (var engine = LocalEngine.open(data, new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(1),
                Clock.systemUTC())) {
            List<LoggedEvent> beforeRestart = engine.jobs().events(id, 0);
            assertThat(LogFold.draft(beforeRestart)).as("the killed run's pieces are in the log").isNotEmpty();
            engine.jobs().start(); // its start-up sweep sees the dead process and re-queues the job
            var done = engine.jobs().whenFinished(id).get(60, TimeUnit.SECONDS);
            assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(done.attempts()).isEqualTo(2);

            List<LoggedEvent> log = engine.jobs().events(id, 0);
            String saved = engine.library().findBySourceJob(id).orElseThrow().post().content();
            assertThat(LogFold.draft(log)).isEqualTo(saved).isEqualTo(done.result().post().content());
            assertThat(LogFold.resets(log)).isEqualTo(1);
            assertThat(LogFold.progress(log)).isSorted().endsWith(100);
            var resumed = (JobEvent.StepChange) log.get(beforeRestart.size()).event();
            assertThat(resumed).isEqualTo(new JobEvent.StepChange(Stage.DRAFT.progress(), "Resuming",
                    resumed.estimatedTimeRemaining()));
        }
    }
}
