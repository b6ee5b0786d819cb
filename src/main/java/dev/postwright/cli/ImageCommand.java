package dev.postwright.cli;

import dev.postwright.engine.StopSignals;
import dev.postwright.images.ImageMaker;
import dev.postwright.model.ImageQuality;
import dev.postwright.images.ImageRequest;
import dev.postwright.images.ImageRequests;
import dev.postwright.images.ImageSize;
import dev.postwright.images.MadeImage;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobCancelledException;
import dev.postwright.jobs.JobFailure;
import dev.postwright.model.PictureTypes;
import dev.postwright.store.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code postwright image}: one picture from a prompt, made offline or by an image server, written
 * to a file whole (never half a PNG). Ctrl+C stops it: the server's request is aborted and no
 * file is written.
 */
@Command(name = "image", mixinStandardHelpOptions = true,
        description = "Makes one image from a prompt: a typographic card offline, or a picture from an image server.")
public final class ImageCommand implements Callable<Integer> {
    @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "What to draw (offline: the card's "
            + "title).")
    String prompt;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write it: .png, .jpg or .webp.")
    Path out;

    @Option(names = "--size", paramLabel = "WxH", description = "Its size, e.g. 1200x630 (default: the maker's).")
    String size;

    @Option(names = "--quality", paramLabel = "LEVEL", description = "draft, standard or high (default: standard).")
    String quality = "standard";

    @Option(names = "--alt", paramLabel = "TEXT", description = "Its description for readers who cannot see it (kept "
            + "with library images; here only checked).")
    String alt;

    @Mixin
    ImageMakerOptions makerOptions = new ImageMakerOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String wanted = PictureTypes.ofFileName(this.out.getFileName() == null ? "" : this.out.getFileName().toString())
                .orElse(null);
        if (wanted == null) {
            err.println("Cannot write the image to " + this.out + ": name the file .png, .jpg or .webp.");
            return ExitCodes.BAD_INPUT;
        }
        ImageMaker maker = makerOptions.maker(err);
        if (maker == null) return ExitCodes.BAD_INPUT;
        ImageRequest request;
        try {
            ImageSize chosen = size == null ? maker.defaultSize() : ImageSize.parse(size);
            request = new ImageRequest(prompt, alt, chosen, ImageQuality.ofWireName(quality), null);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        var cancel = new CancellationToken();
        MadeImage made;
        try (var signals = StopSignals.listen(() -> cancel.cancel(CancellationToken.Reason.SHUTDOWN))) {
            made = maker.make(request, cancel);
        } catch (JobCancelledException stopped) {
            err.println("Stopped: no image was written.");
            return ExitCodes.STOPPED;
        } catch (JobFailure e) {
            err.println(e.getMessage());
            return ImageRequests.INVALID.equals(e.errorCode()) ? ExitCodes.BAD_INPUT : ExitCodes.JOB_FAILED;
        }
        try {
            AtomicFiles.writeBytes(this.out, made.bytes());
        } catch (IOException e) {
            err.println("The image was made, but " + this.out + " could not be written (" + e.getMessage() + ").");
            return ExitCodes.BAD_INPUT;
        }
        if (!made.mediaType().equals(wanted)) {
            err.println("Note: the image is " + made.mediaType() + ", not what the file's name says; rename it ."
                    + made.fileExtension() + " for programs that go by the name.");
        }
        out.println("Wrote " + this.out + " (" + made.width() + "x" + made.height() + ", " + made.mediaType() + ", "
                + made.source() + ").");
        out.flush();
        return ExitCodes.OK;
    }

}
