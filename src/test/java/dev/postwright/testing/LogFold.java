package dev.postwright.testing;

import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.JobEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's log read as docs/protocol-notes.md tells every consumer to: the draft is the text of the
 * {@code draft-delta} pieces after the last {@code draft-reset}; progress is that of
 * {@code step-change} and {@code progress-update}, in order.
 */
public final class LogFold {
    private LogFold() {}

    public static String draft(List<LoggedEvent> log) {
        var draft = new StringBuilder();
        for (LoggedEvent e : log) {
            if (e.event() instanceof JobEvent.DraftReset) draft.setLength(0);
            if (e.event() instanceof JobEvent.DraftDelta d) draft.append(d.text());
        }
        return draft.toString();
    }

    public static List<Integer> progress(List<LoggedEvent> log) {
        List<Integer> progress = new ArrayList<>();
        for (LoggedEvent e : log) {
            if (e.event() instanceof JobEvent.StepChange s) progress.add(s.progress());
            if (e.event() instanceof JobEvent.ProgressUpdate p) progress.add(p.progress());
        }
        return progress;
    }

    public static long resets(List<LoggedEvent> log) {
        return log.stream().filter(e -> e.event() instanceof JobEvent.DraftReset).count();
    }
}
