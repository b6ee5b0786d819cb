package dev.postwright.jobs;

/** A live subscription to a job's events; closing it stops delivery. Idempotent, thread-safe. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
