package dev.postwright.cli;

import dev.postwright.engine.ExportFiles;
import dev.postwright.engine.LibraryImageSources;
import dev.postwright.engine.LocalEngine;
import dev.postwright.model.LibraryPost;
import dev.postwright.render.ExportFormat;
import dev.postwright.render.PostRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code postwright export POST_ID --out FILE}: a post of the local library as a file, in the
 * format the file's name asks for, with its images, exactly as the window's Export… writes it.
 * It only reads the library; a file that cannot be written is left as it was.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes a post from your library to a file: Markdown, a web page, Word or PDF.")
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Parameters(paramLabel = "POST_ID", description = "The post's id in your library (the savedPost id that "
            + "'postwright jobs show JOB_ID' prints).")
    String postId;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write it, in the format "
            + "its name asks for: .md or .markdown (Markdown with front matter, its images in a folder beside it), "
            + ".html or .htm (a web page), .docx (Word) or .pdf.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Optional<ExportFormat> format = ExportFormat.of(out);
        if (format.isEmpty()) {
            stderr.println(GenerateCommand.unknownFormat(out));
            return ExitCodes.BAD_INPUT;
        }
        LocalEngine engine = Engines.open(data.path(), 0, stderr);
        if (engine == null) return ExitCodes.DATABASE_UNAVAILABLE;
        try (engine) {
            Optional<LibraryPost> post = engine.library().find(postId);
            if (post.isEmpty()) {
                stderr.println("There is no post " + postId + " in the library in " + data.path() + ".");
                return ExitCodes.BAD_INPUT;
            }
            var renderer = new PostRenderer(new LibraryImageSources(engine.images()));
            var export = format.get().export(post.get().post(), renderer, LocalDate.now(), out);
            try {
                ExportFiles.write(export, out);
            } catch (IOException e) {
                stderr.println("Could not write " + out + ": " + ExportFiles.reason(e, out) + ". Nothing there was changed.");
                return ExitCodes.BAD_INPUT;
            }
        }
        stdout.println("Wrote " + out);
        stdout.flush();
        return ExitCodes.OK;
    }
}
