package dev.postwright.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures what a System.Logger (backed by java.util.logging) writes, formatted. */
public final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        logger.addHandler(this);
    }

    public static LogCapture of(Class<?> source) {
        return named(source.getName());
    }

    public static LogCapture named(String logger) {
        return new LogCapture(Logger.getLogger(logger));
    }

    @Override
    public void publish(LogRecord record) {
        String text = new java.util.logging.SimpleFormatter().formatMessage(record);
        messages.add(record.getLevel() + " " + text + (record.getThrown() == null ? "" : " " + record.getThrown()));
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
