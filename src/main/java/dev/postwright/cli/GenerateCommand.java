package dev.postwright.cli;

import dev.postwright.engine.ExportFiles;
import dev.postwright.engine.JobRouter;
import dev.postwright.engine.LibraryImageSources;
import dev.postwright.engine.LocalEngine;
import dev.postwright.engine.StopSignals;
import dev.postwright.images.ImageMaker;
import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.JobService;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.llm.TextGenerator;
import dev.postwright.llm.openai.HttpClients;
import dev.postwright.model.FieldProblem;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobRequest;
import dev.postwright.model.JobStatus;
import dev.postwright.queue.JobQueue;
import dev.postwright.remote.ConnectionMonitor;
import dev.postwright.remote.Dialect;
import dev.postwright.remote.RemoteException;
import dev.postwright.remote.RemoteServer;
import dev.postwright.remote.TeamRuntime;
import dev.postwright.render.ExportFormat;
import dev.postwright.render.ImageSources;
import dev.postwright.render.MarkdownExport;
import dev.postwright.render.PostRenderer;
import dev.postwright.store.Database;
import dev.postwright.store.StoreException;
import dev.postwright.wire.JobRequestCodec;
import dev.postwright.wire.WireFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code postwright generate}: one brief, without the window, through the local engine or (with
 * {@code --server}) a team server; the output is the same either way.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes a post from a brief (JSON, as the job API's create body) on this computer.")
public final class GenerateCommand implements Callable<Integer> {
    static final String SERVER_TOKEN_ENV = "POSTWRIGHT_SERVER_TOKEN";

    @Mixin
    DataDirOption data;

    @Option(names = "--request", required = true, paramLabel = "FILE", description = "The brief, as JSON.")
    Path request;

    @Option(names = "--events", description = "Print every event as one JSON line on standard output.")
    boolean events;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the post here: Markdown with front matter for "
            + ".md or .markdown, a web page for .html or .htm, a Word document for .docx, a PDF for .pdf; without it, "
            + "the post goes to standard output as Markdown unless --events is given.")
    Path out;

    @Option(names = "--images", description = "Make the post's featured image too (offline, built in) and show it in "
            + "the post; with --out as Markdown, the images go in a folder beside it.")
    boolean images;

    @Mixin
    WriterOptions writerOptions = new WriterOptions();

    @Mixin
    ImageMakerOptions imageOptions = new ImageMakerOptions();

    /** Where the finished post's images are: the local library's, or none for a team server's. */
    private ImageSources imageSources = ImageSources.NONE;

    @Option(names = "--server", paramLabel = "URL", description = "Run the brief on a team server speaking the job "
            + "API (another Postwright's serve, or a compatible backend) instead of on this computer.")
    String server;

    @Option(names = "--dialect", paramLabel = "KIND", description = "The kind of --server: job-api (Postwright "
            + "serve, the Node backend; the default) or blog-sdk (the Python Blog SDK).")
    String dialect = Dialect.JOB_API.id();

    @Option(names = "--token", paramLabel = "TOKEN", description = "The sign-in token for --server. Better: set the "
            + SERVER_TOKEN_ENV + " environment variable, which stays out of your shell history.")
    String token;

    @Spec
    CommandSpec spec;

    /** Counted down when the job's stream ends, or by Ctrl+C / SIGTERM while it runs here. */
    private final CountDownLatch done = new CountDownLatch(1);

    /**
     * The stream's {@code failed} event, if one came: a team server's status may not repeat its
     * error (or may not answer at all), and the writer should still read why the job failed.
     */
    private volatile JobEvent.Failed failedEvent;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        // Checked before the job runs: finding out after a five-minute generation would waste it.
        if (out != null && ExportFormat.of(out).isEmpty()) {
            stderr.println(unknownFormat(out));
            return ExitCodes.BAD_INPUT;
        }
        JobRequest read = readBrief(stderr);
        if (read == null) return ExitCodes.BAD_INPUT;
        JobRequest brief = images ? read.withOptions(read.options().withImages()) : read;
        if (server != null) return generateRemotely(brief, stdout, stderr);
        TextGenerator writer = writerOptions.writer(stderr, data.path());
        if (writer == null) return ExitCodes.BAD_INPUT;
        ImageMaker imageMaker = imageOptions.maker(stderr);
        if (imageMaker == null) return ExitCodes.BAD_INPUT;
        LocalEngine engine = Engines.open(data.path(), 1, writer, imageMaker, stderr);
        if (engine == null) return ExitCodes.DATABASE_UNAVAILABLE;
        imageSources = new LibraryImageSources(engine.images());
        // Ctrl+C or SIGTERM ends the wait; closing the engine then hands the job back to the queue.
        // So does a full disk: waiting for room would look like a hang, and the job keeps for later.
        Database db = engine.database();
        db.onWriteFaultChange(() -> {
            if (db.writeFault().isPresent()) done.countDown();
        });
        try (var signals = StopSignals.listen(done::countDown); engine) {
            JobQueue queue = engine.jobs();
            // Stored and preferred before the worker starts, so it takes this job first: jobs that
            // earlier runs left in the queue (stopped, or recovered by the start) wait until it is done.
            return run(queue, () -> {
                String id = queue.enqueueFirst(brief, null);
                queue.start();
                return id;
            }, stdout, stderr, db::writeFault);
        }
    }

    /** The sentence for an {@code --out} whose name asks for no format we write. */
    static String unknownFormat(Path out) {
        return "Cannot write the post to " + out + ": name the file " + ExportFormat.choices()
                + " (Markdown, a web page, Word or PDF).";
    }

    private int generateRemotely(JobRequest brief, PrintWriter stdout, PrintWriter stderr) throws InterruptedException {
        if (writerOptions.modelUrl != null || imageOptions.imageUrl != null) {
            stderr.println("Choose one: --server runs the brief on a team server, --model-url and --image-url on this "
                    + "computer.");
            return ExitCodes.BAD_INPUT;
        }
        String secret = token != null ? token : writerOptions.environment.apply(SERVER_TOKEN_ENV);
        RemoteServer target;
        try {
            target = new RemoteServer(server, secret);
        } catch (IllegalArgumentException e) {
            stderr.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (!dialect.equals(Dialect.of(dialect).id())) {
            stderr.println("--dialect is job-api or blog-sdk.");
            return ExitCodes.BAD_INPUT;
        }
        try (var runtime = TeamRuntime.daemon();
             var remote = JobRouter.open(target, Dialect.of(dialect), HttpClients.shared(), null, runtime,
                     new ConnectionMonitor())) {
            return run(remote, () -> remote.enqueue(brief, null), stdout, stderr, Optional::empty);
        } catch (RemoteException e) {
            stderr.println(e.getMessage());
            return ExitCodes.SERVER_UNAVAILABLE;
        }
    }

    /**
     * Starts the job with {@code submit}, prints its events or progress, and ends as the job did,
     * or with the database's sentence when {@code refusal} says the local database stopped taking writes.
     */
    private int run(JobService jobs, Supplier<String> submit, PrintWriter stdout, PrintWriter stderr,
                    Supplier<Optional<StoreException>> refusal) throws InterruptedException {
        String id;
        try {
            id = submit.get();
        } catch (InvalidRequestException e) {
            stderr.println("The server refused the brief " + request + ":");
            e.problems().forEach(p -> stderr.println("  " + p.field() + ": " + p.message()));
            return ExitCodes.BAD_INPUT;
        }
        if (events) stdout.println(EventLines.connected(id));
        follow(jobs, id, stdout, stderr);
        Optional<StoreException> refused = refusal.get();
        if (refused.isPresent()) {
            stderr.println(refused.get().getMessage() + " The job (" + id + ") is kept and resumes the next time "
                    + "Postwright runs.");
            return ExitCodes.DATABASE_UNAVAILABLE;
        }
        Optional<JobStatus> status;
        try {
            status = jobs.status(id);
        } catch (RemoteException e) {
            if (failedEvent == null) throw e;
            status = Optional.empty();
        }
        if (status.isEmpty() && failedEvent != null) {
            stderr.println("The job failed: " + failedEvent.error());
            return ExitCodes.JOB_FAILED;
        }
        if (status.isEmpty()) {
            stderr.println("The job " + id + " is no longer there: it was deleted, or it belongs to someone else.");
            return ExitCodes.JOB_FAILED;
        }
        return finish(status.get(), stdout, stderr);
    }

    private JobRequest readBrief(PrintWriter stderr) {
        try (InputStream in = Files.newInputStream(request)) {
            JobRequest brief = JobRequestCodec.decode(in);
            List<FieldProblem> problems = brief.problems();
            if (problems.isEmpty()) return brief;
            stderr.println("The brief " + request + " is not complete:");
            problems.forEach(p -> stderr.println("  " + p.field() + ": " + p.message()));
        } catch (NoSuchFileException e) {
            stderr.println("Cannot read the brief: there is no file " + request + ".");
        } catch (IOException e) {
            stderr.println("Cannot read the brief " + request + " (" + e.getClass().getSimpleName() + ").");
        } catch (WireFormatException e) {
            stderr.println(request + ": " + e.getMessage());
        }
        return null;
    }

    /** Prints events (or progress) until the job's stream ends, or a stop is asked for. */
    private void follow(JobService jobs, String id, PrintWriter stdout, PrintWriter stderr) throws InterruptedException {
        jobs.subscribe(id, 0, new JobEventListener() {
            private String lastProgress = "";

            @Override
            public void onEvent(LoggedEvent e) {
                if (e.event() instanceof JobEvent.Failed f) failedEvent = f;
                if (events) {
                    stdout.println(EventLines.of(e));
                    stdout.flush();
                } else if (e.event() instanceof JobEvent.ProgressUpdate p && p.currentStep() != null) {
                    String line = String.format("[%3d%%] %s", p.progress(), p.currentStep());
                    if (!line.equals(lastProgress)) stderr.println(line);
                    stderr.flush();
                    lastProgress = line;
                }
            }

            @Override
            public void onEnd() {
                done.countDown();
            }
        });
        done.await();
    }

    private int finish(JobStatus status, PrintWriter stdout, PrintWriter stderr) {
        switch (status.state()) {
            case SUCCEEDED -> {
                var post = status.result().post();
                if (out != null) {
                    var export = ExportFormat.of(out).orElseThrow().export(post, new PostRenderer(imageSources),
                            LocalDate.now(), out);
                    try {
                        ExportFiles.write(export, out);
                    } catch (IOException e) {
                        stderr.println("The post was written and saved in your library, but " + out
                                + " could not be written: " + ExportFiles.reason(e, out) + ".");
                        return ExitCodes.BAD_INPUT;
                    }
                    if (!events) stderr.println("Wrote " + out);
                } else if (!events) {
                    stdout.print(MarkdownExport.export(post, LocalDate.now()));
                }
                return ExitCodes.OK;
            }
            case CANCELLED -> {
                stderr.println("The job was cancelled.");
                return ExitCodes.CANCELLED;
            }
            case QUEUED, RUNNING -> { // stopped while it ran: the engine's close hands it back
                if (failedEvent != null) return failed(status, stderr); // a server whose status lags its stream
                stderr.println("Stopped before the post was finished. The job (" + status.jobId() + ") is kept and "
                        + "resumes the next time Postwright runs; see it with: postwright jobs show " + status.jobId());
                return ExitCodes.STOPPED;
            }
            default -> {
                return failed(status, stderr);
            }
        }
    }

    /** The status's error, else the stream's {@code failed} event's, else a plain sentence. */
    private int failed(JobStatus status, PrintWriter stderr) {
        String error = status.error() != null && !status.error().isBlank() ? status.error()
                : failedEvent != null && failedEvent.error() != null ? failedEvent.error() : null;
        stderr.println(error == null ? "The job failed; the server did not say why." : "The job failed: " + error);
        return ExitCodes.JOB_FAILED;
    }
}
