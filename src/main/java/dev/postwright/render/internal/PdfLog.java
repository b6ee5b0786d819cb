package dev.postwright.render.internal;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * openhtmltopdf's log, sent to the app's {@link System.Logger} instead of standard error (where
 * it would mix with the command line's output): its errors as warnings, the rest (timings, each
 * font loaded, PDF/UA hints) as debug. openhtmltopdf has one logger for the whole JVM.
 */
public final class PdfLog implements XRLogger {
    private static final Logger LOG = System.getLogger("dev.postwright.render.PdfExport");

    private PdfLog() {}

    /** Installs it; idempotent. */
    public static synchronized void install() {
        if (!(XRLog.getLoggerImpl() instanceof PdfLog)) XRLog.setLoggerImpl(new PdfLog());
    }

    private static Level level(java.util.logging.Level level) {
        return level.intValue() >= java.util.logging.Level.SEVERE.intValue() ? Level.WARNING : Level.DEBUG;
    }

    @Override
    public void log(String where, java.util.logging.Level level, String message) {
        LOG.log(level(level), "{0}: {1}", where, message);
    }

    @Override
    public void log(String where, java.util.logging.Level level, String message, Throwable error) {
        LOG.log(level(level), where + ": " + message, error);
    }

    @Override
    public void setLevel(String where, java.util.logging.Level level) {
        // Levels are the app's logging configuration's to set.
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return LOG.isLoggable(level(diagnostic.getLevel()));
    }
}
