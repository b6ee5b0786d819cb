package dev.postwright.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.testing.LogCapture;
import dev.postwright.testing.ManualFrames;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The seam between background work and the FX thread, with frames and the background run by hand. */
class BackgroundTaskTest {
    final ManualFrames frames = new ManualFrames();
    final ArrayDeque<Runnable> background = new ArrayDeque<>();
    final FxTasks tasks = new FxTasks(background::add, frames);
    final List<String> said = new ArrayList<>();

    @Test
    void theWorkRunsInTheBackgroundAndItsResultArrivesAtTheNextFrame() {
        tasks.execute(BackgroundTask.call(() -> {
            said.add("work");
            return 42;
        }).onSuccess(n -> said.add("got " + n)).onFailure(e -> said.add("failed")));
        assertThat(said).as("nothing runs on the calling thread").isEmpty();
        background.remove().run();
        assertThat(said).containsExactly("work");
        assertThat(frames.runDue()).isOne();
        assertThat(said).containsExactly("work", "got 42");
    }

    @Test
    void aFailureGoesToOnFailureInsteadOfOnSuccess() {
        tasks.execute(BackgroundTask.run(() -> {
            throw new IOException("disk gone");
        }).onSuccess(v -> said.add("done")).onFailure(e -> said.add(e.getMessage())));
        background.remove().run();
        assertThat(said).isEmpty();
        frames.runDue();
        assertThat(said).containsExactly("disk gone");
    }

    @Test
    void aFailureNobodyHandlesIsLoggedNotLost() {
        try (var log = LogCapture.of(BackgroundTask.class)) {
            tasks.execute(BackgroundTask.run(() -> {
                throw new IllegalStateException("the store is closed");
            }).onSuccess(v -> said.add("done")));
            background.remove().run();
            frames.runDue();
            assertThat(said).isEmpty();
            assertThat(log.messages()).singleElement().asString().startsWith("WARNING")
                    .contains("the store is closed");
        }
    }

    @Test
    void tasksOnARealExecutorComeBackInTheOrderTheyFinish() throws Exception {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var real = new FxTasks(threads, frames);
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                real.execute(BackgroundTask.call(() -> n * n).onSuccess(got::add));
            }
            frames.runUntil(() -> got.size() == 20);
            assertThat(got).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 20).map(i -> i * i)
                    .boxed().toList());
        }
    }
}
