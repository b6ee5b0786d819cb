package dev.postwright.cli;

import dev.postwright.engine.LocalEngine;
import dev.postwright.engine.StopSignals;
import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobState;
import dev.postwright.model.JobStatus;
import dev.postwright.model.PublishRequest;
import dev.postwright.publish.PublishFailures;
import dev.postwright.queue.QueueSettings;
import dev.postwright.settings.SiteBook;
import dev.postwright.store.DatabaseUnavailableException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code postwright publish POST_ID --site NAME}: sends a library post to a WordPress site through
 * the outbox, and waits for it. A site that does not answer is tried again with backoff; Ctrl+C
 * ends the wait and leaves the post in the outbox, sent the next time Postwright runs.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publishes a post of the library to a WordPress site (see: postwright sites).")
public final class PublishCommand implements Callable<Integer> {
    @Parameters(paramLabel = "POST_ID", description = "The library post's id.")
    String postId;

    @Option(names = "--site", required = true, paramLabel = "NAME", description = "The site's name (postwright sites list).")
    String site;

    @Option(names = "--status", paramLabel = "STATUS", defaultValue = "draft",
            description = "draft, pending, publish or future (default: ${DEFAULT-VALUE}).")
    String status;

    @Option(names = "--at", paramLabel = "DATE_TIME", description = "When a future post goes live, in the site's time "
            + "zone, e.g. 2026-12-24T09:00.")
    String at;

    @Option(names = "--category", paramLabel = "NAME", description = "A category (repeatable); missing ones are created.")
    List<String> categories = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "NAME", description = "A tag (repeatable); missing ones are created.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--replace-site-changes", description = "Overwrite changes made on the site since the last publish.")
    boolean replaceSiteChanges;

    @Mixin
    DataDirOption data;

    @Mixin
    ConfigDirOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalDateTime publishAt;
        try {
            publishAt = at == null ? null : LocalDateTime.parse(at);
        } catch (DateTimeParseException e) {
            err.println("--at takes a date and time such as 2026-12-24T09:00, not \"" + at + "\".");
            return ExitCodes.BAD_INPUT;
        }
        SiteBook sites = config.sites();
        if (sites.find(site).isEmpty()) {
            err.println("There is no site called \"" + site + "\". Add it with: postwright sites add \"" + site
                    + "\" --url https://… --user …");
            return ExitCodes.BAD_INPUT;
        }
        var request = new PublishRequest(postId, site, status, publishAt, categories, tags, replaceSiteChanges);
        ConsoleLog.forCommands();
        LocalEngine engine;
        try {
            engine = LocalEngine.open(data.path(), dev.postwright.llm.offline.OfflineWriter::new,
                    dev.postwright.images.offline.OfflineImageMaker::new, dev.postwright.seo.SeoAnalyzer::standard,
                    new LocalEngine.Publishing(sites, LocalEngine.siteClient()), QueueSettings.DEFAULTS.withWorkers(1),
                    Clock.systemUTC());
        } catch (DatabaseUnavailableException e) {
            err.println(e.getMessage());
            return ExitCodes.DATABASE_UNAVAILABLE;
        }
        var done = new CountDownLatch(1);
        try (var signals = StopSignals.listen(done::countDown); engine) {
            if (engine.library().find(postId).isEmpty()) {
                err.println("There is no post " + postId + " in the library at " + data.path() + ".");
                return ExitCodes.BAD_INPUT;
            }
            String id;
            try {
                id = engine.jobs().enqueueFirst(request, null);
            } catch (InvalidRequestException e) {
                e.problems().forEach(p -> err.println(p.field() + ": " + p.message()));
                return ExitCodes.BAD_INPUT;
            }
            engine.jobs().start();
            engine.jobs().subscribe(id, 0, progress(err, done));
            done.await();
            JobStatus status = engine.jobs().status(id).orElseThrow();
            return finish(engine, status, out, err);
        }
    }

    private static JobEventListener progress(PrintWriter err, CountDownLatch done) {
        return new JobEventListener() {
            @Override
            public void onEvent(LoggedEvent e) {
                if (e.event() instanceof JobEvent.ProgressUpdate p && p.currentStep() != null) {
                    err.println(p.currentStep());
                    err.flush();
                }
            }

            @Override
            public void onEnd() {
                done.countDown();
            }
        };
    }

    private int finish(LocalEngine engine, JobStatus status, PrintWriter out, PrintWriter err) {
        if (status.state() == JobState.SUCCEEDED) {
            URI address = engine.sites().orElseThrow().find(site).orElseThrow().address();
            engine.publications().find(postId, address).ifPresent(p -> out.println("Published (" + p.remoteStatus()
                    + "): " + p.link()));
            out.flush();
            return ExitCodes.OK;
        }
        if (status.state() == JobState.FAILED || status.state() == JobState.CANCELLED) {
            err.println(status.error());
            if (PublishFailures.CHANGED_ON_SITE.equals(status.errorCode())) {
                err.println("To overwrite the site's version: postwright publish " + postId + " --site \"" + site
                        + "\" --replace-site-changes");
            }
            return ExitCodes.JOB_FAILED;
        }
        err.println("Stopped waiting. The post stays in the outbox (job " + status.jobId() + ") and is sent the next "
                + "time Postwright runs.");
        return ExitCodes.STOPPED;
    }
}
