package dev.postwright.testing;

import dev.postwright.model.JobEvent;
import dev.postwright.queue.JobHandler;
import java.util.concurrent.CountDownLatch;

/** The job the listener contract tests run on a queue: two events, a wait, one more, the result. */
public final class ContractJobs {
    private ContractJobs() {}

    public static JobHandler waitingFor(CountDownLatch gate) {
        return ctx -> {
            ctx.emit(new JobEvent.ProgressUpdate(10, "Started", null, null, null, null));
            ctx.emit(new JobEvent.ProgressUpdate(20, "Waiting", null, null, null, null));
            gate.await();
            ctx.emit(new JobEvent.ProgressUpdate(90, "Finishing", null, null, null, null));
            return Briefs.result("Contract");
        };
    }
}
