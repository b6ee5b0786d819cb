package dev.postwright.cli;

import dev.postwright.engine.LocalEngine;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.JobNotFoundException;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.JobStatus;
import dev.postwright.wire.Json;
import dev.postwright.wire.StatusCodec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code postwright jobs}: the jobs in the local database, or with {@code --database} in a team's
 * PostgreSQL, every user's (an operator's view of the shared queue). These commands never run
 * jobs themselves: a retried job runs in the app, in a {@code serve} node, or in the next
 * {@code generate}.
 */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "Lists and manages the jobs on this computer, "
        + "or with --database those of a team's serve nodes.",
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.Show.class, JobsCommand.Cancel.class,
                JobsCommand.Retry.class, JobsCommand.Events.class})
public final class JobsCommand {

    /** A jobs subcommand: opens an engine without workers and reports an unknown job as bad input. */
    abstract static class JobsSubcommand implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Mixin
        TeamDatabaseOption database = new TeamDatabaseOption();
        @Spec
        CommandSpec spec;

        abstract int run(LocalEngine engine, PrintWriter out, PrintWriter err);

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            TeamDatabaseOption.Opened team = database.open(err);
            if (team.failed()) return team.exitCode();
            LocalEngine engine = team.database() == null ? Engines.open(data.path(), 0, err)
                    : Engines.open(team.database(), data.path(), 0, new OfflineWriter(), new OfflineImageMaker());
            if (engine == null) return ExitCodes.DATABASE_UNAVAILABLE;
            try (engine) {
                return run(engine, spec.commandLine().getOut(), err);
            } catch (JobNotFoundException e) {
                err.println(e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
    }

    /** A subcommand about one job. */
    abstract static class OneJob extends JobsSubcommand {
        @Parameters(paramLabel = "ID", description = "The job's id (see jobs list).")
        String id;

        int report(CommandResult result, PrintWriter out, PrintWriter err, String done, String notAllowed) {
            switch (result) {
                case APPLIED -> {
                    out.println(done);
                    return ExitCodes.OK;
                }
                case NOT_ALLOWED -> err.println(notAllowed);
                case NOT_FOUND -> err.println("There is no job " + id + ".");
            }
            return ExitCodes.BAD_INPUT;
        }
    }

    @Command(name = "list", description = "Lists jobs, newest first.")
    static final class ListJobs extends JobsSubcommand {
        @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        int run(LocalEngine engine, PrintWriter out, PrintWriter err) {
            var jobs = engine.jobs().list(limit);
            if (jobs.isEmpty()) out.println("No jobs yet.");
            for (JobStatus s : jobs) {
                out.printf("%s  %-7s %-9s %3d%%  %s  %s%n", s.jobId(), s.kind().sqlName(), s.state().name().toLowerCase(),
                        s.progress(), s.createdAt(), s.error() != null ? s.error() : s.currentStep() != null ? s.currentStep() : "");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Prints a job's status, as the job API's status route does.")
    static final class Show extends OneJob {
        @Override
        int run(LocalEngine engine, PrintWriter out, PrintWriter err) {
            var status = engine.jobs().status(id).orElseThrow(() -> new JobNotFoundException(id));
            out.println(Json.write(StatusCodec.write(status)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "cancel", description = "Cancels a queued or running job.")
    static final class Cancel extends OneJob {
        @Override
        int run(LocalEngine engine, PrintWriter out, PrintWriter err) {
            return report(engine.jobs().cancel(id), out, err, "Cancelled job " + id + ".",
                    "Job " + id + " is not queued or running, so there is nothing to cancel.");
        }
    }

    @Command(name = "retry", description = "Queues a failed or cancelled job again; it resumes where it stopped.")
    static final class Retry extends OneJob {
        @Override
        int run(LocalEngine engine, PrintWriter out, PrintWriter err) {
            return report(engine.jobs().retry(id), out, err, "Queued job " + id + " again; it runs when Postwright "
                    + "is running.", "Job " + id + " did not fail and was not cancelled, so there is nothing to retry.");
        }
    }

    @Command(name = "events", description = {"Prints a job's logged events, one JSON line each.",
            "The draft is the text of the draft-delta events after the last draft-reset: a job that was interrupted "
                    + "while writing its draft writes it again, and draft-reset voids the pieces before it."})
    static final class Events extends OneJob {
        @Option(names = "--after", paramLabel = "SEQ", defaultValue = "0", description = "Only events after this one.")
        long after;

        @Override
        int run(LocalEngine engine, PrintWriter out, PrintWriter err) {
            engine.jobs().events(id, after).forEach(e -> out.println(EventLines.of(e)));
            return ExitCodes.OK;
        }
    }
}
