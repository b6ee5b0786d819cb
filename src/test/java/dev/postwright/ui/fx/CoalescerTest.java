package dev.postwright.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class CoalescerTest {
    /** Frames run when the test says so. */
    static final class ManualFrames implements FxFrames {
        final ConcurrentLinkedQueue<Runnable> due = new ConcurrentLinkedQueue<>();

        @Override
        public void nextFrame(Runnable work) {
            due.add(work);
        }

        int frame() {
            List<Runnable> now = new ArrayList<>();
            Runnable r;
            while ((r = due.poll()) != null) now.add(r);
            now.forEach(Runnable::run);
            return now.size();
        }
    }

    @Test
    void everythingOfferedBetweenFramesArrivesAsOneBatchInOrder() throws Exception {
        var frames = new ManualFrames();
        List<List<String>> batches = new ArrayList<>();
        var coalescer = new Coalescer<String>(frames, batches::add);
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 500; i++) coalescer.offer(thread + ":" + i);
            }));
        }
        for (Thread t : threads) t.join();
        assertThat(frames.frame()).as("one frame request however many offers").isEqualTo(1);
        assertThat(batches).hasSize(1);
        List<String> batch = batches.getFirst();
        assertThat(batch).hasSize(2000);
        for (int t = 0; t < 4; t++) {
            String prefix = t + ":";
            assertThat(batch.stream().filter(s -> s.startsWith(prefix)).map(s -> Integer.parseInt(s.substring(2))).toList())
                    .isSorted().hasSize(500);
        }
        assertThat(frames.frame()).isZero();
    }

    @Test
    void anOfferDuringTheBatchWaitsForTheNextFrame() {
        var frames = new ManualFrames();
        List<List<Integer>> batches = new ArrayList<>();
        var holder = new Coalescer[1];
        Coalescer<Integer> coalescer = new Coalescer<>(frames, batch -> {
            batches.add(batch);
            if (batches.size() == 1) holder[0].offer(99); // arrives while the FX thread applies the batch
        });
        holder[0] = coalescer;
        coalescer.offer(1);
        frames.frame();
        assertThat(batches).containsExactly(List.of(1));
        frames.frame();
        assertThat(batches).containsExactly(List.of(1), List.of(99));
    }

    @Test
    void pulseFramesRunWorkOnTheFxThread() throws Exception {
        FxToolkit.registerPrimaryStage();
        var frames = new PulseFrames();
        var ran = new CountDownLatch(3);
        var onFx = new ArrayList<Boolean>();
        for (int i = 0; i < 3; i++) {
            frames.nextFrame(() -> {
                onFx.add(Platform.isFxApplicationThread());
                ran.countDown();
            });
        }
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(onFx).containsOnly(true);
    }
}
