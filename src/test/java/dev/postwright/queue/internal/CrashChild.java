package dev.postwright.queue.internal;

import dev.postwright.model.JobEvent;
import dev.postwright.queue.JobHandler;
import dev.postwright.queue.JobQueue;
import dev.postwright.queue.QueueSettings;
import dev.postwright.store.Database;
import dev.postwright.testing.Briefs;
import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link CrashRecoveryTest} kills: runs the queue on a database file and reports each
 * completed step on stdout, until it is killed.
 */
public final class CrashChild {
    public static final int STEPS = 2000;

    /** Each step is a stage: a checkpoint plus one event, stored together. Resumes skip finished work. */
    static JobHandler steps(Runnable afterEachStep) {
        return ctx -> {
            var done = ctx.checkpoints();
            for (int i = 1; i <= STEPS; i++) {
                String stage = "step-" + i;
                // A finished stage is not redone, but its event is re-emitted as a resumed pipeline does;
                // the log must keep it once.
                String output = done.containsKey(stage) ? done.get(stage) : "{\"word\":" + i + "}";
                ctx.completeStage(stage, output, List.of(new JobEvent.DraftDelta(i, "word" + i + " ")));
                afterEachStep.run();
            }
            return Briefs.result("survived");
        };
    }

    public static void main(String[] args) throws Exception {
        var db = Database.open(Path.of(args[0]));
        int[] step = {0};
        var queue = JobQueue.builder(db, steps(() -> {
            System.out.println("step " + ++step[0]);
            System.out.flush();
        })).settings(QueueSettings.DEFAULTS.withWorkers(1)).build();
        queue.start();
        System.out.println("started");
        System.out.flush();
        Thread.currentThread().join(); // run until killed
    }
}
