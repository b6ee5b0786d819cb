package dev.postwright.cli;

import static dev.postwright.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.queue.QueueSettings;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate --out post.docx|post.pdf} and {@code export POST_ID --out FILE}, in-process on real data folders. */
class ExportCommandTest {
    @TempDir
    Path dir;

    private String dataDir() {
        return dir.resolve("data").toString();
    }

    /** Generates the usual brief, with its featured image, into the library; the saved post's id. */
    private String generatedPost(String out) throws Exception {
        Path brief = Files.writeString(dir.resolve("brief.json"), CommandLineTest.BRIEF);
        CommandRun run = run("generate", "--images", "--request", brief.toString(), "--out", dir.resolve(out).toString(),
                "--data-dir", dataDir());
        assertThat(run.exit()).as(run.err()).isZero();
        try (var engine = LocalEngine.open(Path.of(dataDir()), new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(0),
                Clock.systemUTC())) {
            return engine.library().recent("org-1", 1).getFirst().id();
        }
    }

    @Test
    void generateWritesAWordDocumentWithTheFeaturedPicture() throws Exception {
        generatedPost("post.docx");
        try (var doc = new XWPFDocument(Files.newInputStream(dir.resolve("post.docx")))) {
            assertThat(doc.getParagraphs().getFirst().getStyle()).isEqualTo("Title");
            assertThat(doc.getParagraphs().getFirst().getText()).containsIgnoringCase("sourdough");
            assertThat(doc.getParagraphs()).anySatisfy(p -> assertThat(p.getStyle()).isEqualTo("Heading2"));
            assertThat(doc.getAllPictures()).hasSize(1);
            assertThat(doc.getHyperlinks()).anySatisfy(h -> assertThat(h.getURL()).isEqualTo("https://crumb.example/classes"));
            assertThat(doc.getProperties().getCoreProperties().getTitle()).containsIgnoringCase("sourdough");
        }
        assertThat(dir.resolve("post-images")).doesNotExist();
    }

    @Test
    void exportWritesALibraryPostInEachFormat() throws Exception {
        String id = generatedPost("first.md");
        Path pdf = dir.resolve("out/post.pdf");
        CommandRun run = run("export", id, "--out", pdf.toString(), "--data-dir", dataDir());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Wrote " + pdf + System.lineSeparator());
        try (var document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertThat(new PDFTextStripper().getText(document)).containsIgnoringCase("sourdough").contains("page 1 of ");
            assertThat(document.getDocumentInformation().getTitle()).containsIgnoringCase("sourdough");
        }

        Path docx = dir.resolve("out/post.docx");
        assertThat(run("export", id, "--out", docx.toString(), "--data-dir", dataDir()).exit()).isZero();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(docx)))) {
            assertThat(doc.getAllPictures()).hasSize(1);
        }

        // Markdown and HTML as generate writes them: the same bytes for the same post on the same day.
        Path markdown = dir.resolve("out/first.md");
        assertThat(run("export", id, "--out", markdown.toString(), "--data-dir", dataDir()).exit()).isZero();
        assertThat(Files.readString(markdown)).isEqualTo(Files.readString(dir.resolve("first.md")));
        assertThat(dir.resolve("out/first-images")).isDirectoryContaining(p -> p.toString().endsWith(".png"));
    }

    @Test
    void anUnknownPostOrFileNameIsBadInputWithASentence() throws Exception {
        String id = generatedPost("first.md");
        CommandRun unknown = run("export", "no-such-post", "--out", dir.resolve("x.pdf").toString(), "--data-dir", dataDir());
        assertThat(unknown.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).isEqualTo("There is no post no-such-post in the library in " + dataDir() + "."
                + System.lineSeparator());
        CommandRun badName = run("export", id, "--out", dir.resolve("x.odt").toString(), "--data-dir", dataDir());
        assertThat(badName.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badName.err()).contains("name the file .md, .markdown, .html, .htm, .docx or .pdf");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
        assertThat(dir.resolve("x.odt")).doesNotExist();
    }

    @Test
    void aPathThatCannotBeWrittenIsSaidInWordsAndLosesNothing() throws Exception {
        String id = generatedPost("first.md");
        Path file = Files.writeString(dir.resolve("notes.txt"), "my notes");
        Path out = file.resolve("post.docx");
        CommandRun run = run("export", id, "--out", out.toString(), "--data-dir", dataDir());
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).isEqualTo("Could not write " + out + ": part of the path " + file + " is a file, not a "
                + "folder. Nothing there was changed." + System.lineSeparator());
        assertThat(Files.readString(file)).isEqualTo("my notes");
    }
}
