package dev.postwright.remote;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

/**
 * Time, threads and chance for the team-server clients, injected so tests choose them: the clock
 * that stamps events, the scheduler of reconnects and polls (its tasks are short: they hand work
 * to a lane or make one call), the executor subscriptions deliver on, and the random source of
 * the backoff's jitter. The clients share it and never shut it down; whoever made it does.
 */
public record TeamRuntime(Clock clock, ScheduledExecutorService scheduler, Executor deliveries,
                          RandomGenerator random) implements AutoCloseable {
    /** The production runtime: the system clock and daemon threads; close it when the app stops. */
    public static TeamRuntime daemon() {
        return new TeamRuntime(Clock.systemUTC(), Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("postwright-team-timer").factory()),
                Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("postwright-team-delivery-", 1).factory()),
                RandomGenerator.getDefault());
    }

    /** Stops the scheduler (pending reconnects and polls are dropped) and the delivery threads. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        if (deliveries instanceof ExecutorService pool) pool.shutdown();
    }
}
