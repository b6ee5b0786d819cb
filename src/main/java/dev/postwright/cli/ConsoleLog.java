package dev.postwright.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log as a command shows it on stderr: warnings only (so the command's own output stays
 * readable), each on one line, with the messages of the exception behind it but never its stack
 * trace. Stack traces are for a developer's debugger; a writer at a terminal needs the sentence.
 */
final class ConsoleLog {
    private ConsoleLog() {}

    /** Applies to the root logger's console handlers; idempotent. */
    static void forCommands() {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof ConsoleHandler && !(handler.getFormatter() instanceof OneLine)) {
                handler.setFormatter(new OneLine());
            }
        }
    }

    /** time, level, logger: message — then, for an exception, each cause's message. */
    static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            var line = new StringBuilder();
            line.append(String.format("%1$tF %1$tT %2$s %3$s: %4$s", record.getInstant().atZone(java.time.ZoneId.systemDefault()),
                    record.getLevel().getName(), record.getLoggerName(), formatMessage(record)));
            String previous = null;
            for (Throwable t = record.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                String message = t.getMessage();
                if (message != null && !message.isBlank() && !message.equals(previous)) line.append(" (").append(message.strip()).append(')');
                previous = message;
            }
            return line.append(System.lineSeparator()).toString();
        }
    }
}
