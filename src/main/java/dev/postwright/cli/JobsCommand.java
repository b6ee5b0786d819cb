package dev.postwright.cli;

import dev.postwright.engine.LocalEngine;
import dev.postwright.model.JobStatus;
import dev.postwright.queue.CommandResult;
import dev.postwright.queue.JobNotFoundException;
import dev.postwright.wire.Json;
import dev.postwright.wire.StatusCodec;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code postwright jobs}: the jobs in the local database. These commands never run jobs
 * themselves: a retried job runs in the app, in {@code serve}, or in the next {@code generate}.
 */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "Lists and manages the jobs on this computer.",
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.Show.class, JobsCommand.Cancel.class,
                JobsCommand.Retry.class, JobsCommand.Events.class})
public final class JobsCommand {

    /** Runs {@code work} with an engine that has no workers; handles an unavailable database. */
    static int withEngine(DataDirOption data, CommandSpec spec, Function<LocalEngine, Integer> work) {
        PrintWriter err = spec.commandLine().getErr();
        LocalEngine engine = Engines.open(data.path(), 0, err);
        if (engine == null) return ExitCodes.DATABASE_UNAVAILABLE;
        try (engine) {
            return work.apply(engine);
        } catch (JobNotFoundException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    @Command(name = "list", description = "Lists jobs, newest first.")
    static final class ListJobs implements java.util.concurrent.Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withEngine(data, spec, engine -> {
                PrintWriter out = spec.commandLine().getOut();
                var jobs = engine.jobs().list(limit);
                if (jobs.isEmpty()) out.println("No jobs yet.");
                for (JobStatus s : jobs) {
                    out.printf("%s  %-9s %3d%%  %s  %s%n", s.jobId(), s.state().name().toLowerCase(), s.progress(),
                            s.createdAt(), s.error() != null ? s.error() : s.currentStep() != null ? s.currentStep() : "");
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "show", description = "Prints a job's status, as the job API's status route does.")
    static final class Show implements java.util.concurrent.Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Parameters(paramLabel = "ID")
        String id;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withEngine(data, spec, engine -> {
                var status = engine.jobs().status(id).orElseThrow(() -> new JobNotFoundException(id));
                spec.commandLine().getOut().println(Json.write(StatusCodec.write(status)));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "cancel", description = "Cancels a queued or running job.")
    static final class Cancel implements java.util.concurrent.Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Parameters(paramLabel = "ID")
        String id;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withEngine(data, spec, engine -> report(engine.jobs().cancel(id), "Cancelled job " + id + ".",
                    "Job " + id + " is not queued or running, so there is nothing to cancel."));
        }

        private int report(CommandResult result, String done, String notAllowed) {
            return JobsCommand.report(spec, id, result, done, notAllowed);
        }
    }

    @Command(name = "retry", description = "Queues a failed or cancelled job again; it resumes where it stopped.")
    static final class Retry implements java.util.concurrent.Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Parameters(paramLabel = "ID")
        String id;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withEngine(data, spec, engine -> JobsCommand.report(spec, id, engine.jobs().retry(id),
                    "Queued job " + id + " again; it runs when Postwright is running.",
                    "Job " + id + " did not fail and was not cancelled, so there is nothing to retry."));
        }
    }

    @Command(name = "events", description = "Prints a job's logged events, one JSON line each.")
    static final class Events implements java.util.concurrent.Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--after", paramLabel = "SEQ", defaultValue = "0", description = "Only events after this one.")
        long after;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withEngine(data, spec, engine -> {
                engine.jobs().events(id, after).forEach(e -> spec.commandLine().getOut().println(EventLines.of(e)));
                return ExitCodes.OK;
            });
        }
    }

    static int report(CommandSpec spec, String id, CommandResult result, String done, String notAllowed) {
        switch (result) {
            case APPLIED -> {
                spec.commandLine().getOut().println(done);
                return ExitCodes.OK;
            }
            case NOT_ALLOWED -> spec.commandLine().getErr().println(notAllowed);
            case NOT_FOUND -> spec.commandLine().getErr().println("There is no job " + id + ".");
        }
        return ExitCodes.BAD_INPUT;
    }
}
