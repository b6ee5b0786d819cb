package dev.postwright.cli;

import dev.postwright.Postwright;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One run of the real command line, in-process: its exit code and what it printed on each stream. */
record CommandRun(int exit, String out, String err) {
    /** Runs {@code postwright args…} as the launcher would (the same parser and error handling). */
    static CommandRun run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = Postwright.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }

    List<String> outLines() {
        return out.lines().toList();
    }
}
