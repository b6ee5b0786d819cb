package dev.postwright.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.SelectedSeoChecks;
import dev.postwright.engine.SelectedWriter;
import dev.postwright.llm.openai.ChatReplies;
import dev.postwright.model.BlogPost;
import dev.postwright.model.Embeds;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.SeoAnalysis;
import dev.postwright.settings.ModelChoice;
import dev.postwright.store.Database;
import dev.postwright.store.ImageStore;
import dev.postwright.store.OrganizationProfiles;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.TimeOrderedIds;
import dev.postwright.testing.ManualFrames;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Fix this check" in the library editor, as the window wires it: the writer chosen in Settings
 * (offline, or a model server on loopback), a real library file, the editor's own fields.
 */
class EditorSeoFixTest {
    private static final String INTRO = "Patience matters more than skill here. Flour, water and salt are all it takes.";
    private static final String BODY = INTRO + "\n\n## Feeding\n\nFeed it every day with equal weights of flour and "
            + "water.\n";
    @TempDir Path dir;
    final ManualFrames frames = new ManualFrames();
    final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final OkHttpClient client = new OkHttpClient();
    final MockWebServer server = new MockWebServer();
    final SelectedWriter writer = new SelectedWriter(() -> client);
    Database db;
    PostLibrary library;
    PostEditorViewModel editor;

    @BeforeEach
    void open() throws Exception {
        server.start();
        db = Database.open(dir.resolve("p.db"));
        library = new PostLibrary(db, Clock.systemUTC(), new TimeOrderedIds(Clock.systemUTC(), new Random(7)));
        var images = new ImageStore(db, dir.resolve("images"), Clock.systemUTC(), new TimeOrderedIds(Clock.systemUTC(),
                new Random(8)));
        editor = new PostEditorViewModel(library, images, new OrganizationProfiles(db, Clock.systemUTC()),
                new SelectedSeoChecks(), null, writer::rewriter, frames, background, scheduler);
    }

    @AfterEach
    void close() throws Exception {
        scheduler.shutdownNow();
        background.close();
        db.close();
        server.close();
        client.dispatcher().executorService().shutdown();
    }

    private LibraryPost saved(String meta, String slug) {
        var post = new BlogPost("Sourdough bread basics", null, BODY, meta, List.of(), List.of(), null, List.of(),
                List.of(), null, null, Embeds.NONE);
        return library.save(new PostLibrary.NewPost(post, "local", slug, "sourdough bread", "draft", 20, null));
    }

    private SeoAnalysis.Check check(String id) {
        return editor.seoProperty().get().checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void offlineOnlyTheMechanicalFixesAreOfferedAndAnAcceptedOneIsAnUnsavedEditThatSaves() throws Exception {
        LibraryPost post = saved("Short.", "my-loaf");
        editor.open(post);
        frames.runUntil(() -> editor.seoProperty().get() != null);
        var fixes = editor.fixes();
        assertThat(fixes.offerFor("keyphrase-in-introduction")).isEmpty();
        assertThat(check("keyphrase-in-slug").rating()).isNotEqualTo(SeoAnalysis.Rating.GOOD);

        fixes.ask("keyphrase-in-slug");
        frames.runUntil(() -> fixes.proposalProperty().get() != null);
        assertThat(editor.slug.get()).as("nothing changes before Accept").isEqualTo("my-loaf");
        fixes.accept();

        assertThat(editor.slug.get()).isEqualTo("sourdough-bread");
        assertThat(fixes.messageProperty().get()).startsWith("Changed the slug. Not saved yet");
        assertThat(editor.dirty().get()).isTrue();
        frames.runUntil(() -> check("keyphrase-in-slug").rating() == SeoAnalysis.Rating.GOOD);
        editor.save(() -> { });
        frames.runUntil(() -> !editor.dirty().get());
        assertThat(library.find(post.id()).orElseThrow().slug()).isEqualTo("sourdough-bread");
    }

    @Test
    void withAModelServerTheIntroductionIsRewrittenAndAcceptedIntoTheText() throws Exception {
        writer.select(new ModelChoice(server.url("/v1").toString(), "llama3.1:8b"), null);
        String rewritten = "Baking sourdough bread takes patience more than skill. Flour, water and salt are all it takes.";
        server.enqueue(ChatReplies.streamed(rewritten));
        editor.open(saved("Sourdough bread made simple for home bakers.", "sourdough-bread"));
        frames.runUntil(() -> editor.seoProperty().get() != null);
        var fixes = editor.fixes();

        fixes.ask("keyphrase-in-introduction");
        assertThat(fixes.workingProperty().get()).isEqualTo("keyphrase-in-introduction");
        frames.runUntil(() -> fixes.proposalProperty().get() != null);
        var proposal = fixes.proposalProperty().get();
        assertThat(proposal.checkAfter().rating()).isEqualTo(SeoAnalysis.Rating.GOOD);
        assertThat(proposal.outcome()).startsWith("Fixed: ");
        fixes.accept();

        assertThat(editor.content.get()).isEqualTo(rewritten + BODY.substring(INTRO.length()));
        frames.runUntil(() -> check("keyphrase-in-introduction").rating() == SeoAnalysis.Rating.GOOD);
    }

    @Test
    void aFixForTextTypedOverMeanwhileIsRefusedAndTheTypingKept() throws Exception {
        editor.open(saved("Short.", "my-loaf"));
        frames.runUntil(() -> editor.seoProperty().get() != null);
        var fixes = editor.fixes();
        fixes.ask("meta-description-length");
        frames.runUntil(() -> fixes.proposalProperty().get() != null);

        editor.metaDescription.set("Short, and typed by hand.");
        fixes.accept();

        assertThat(editor.metaDescription.get()).isEqualTo("Short, and typed by hand.");
        assertThat(fixes.messageProperty().get()).startsWith("The text changed where the fix applies");
    }

    @Test
    void aModelServerThatFailsSaysSoUnderTheCheckAndChangesNothing() throws Exception {
        writer.select(new ModelChoice(server.url("/v1").toString(), "llama3.1:8b"), null);
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"model "
                + "'llama3.1:8b' not found\"}}").build());
        editor.open(saved("Sourdough bread made simple for home bakers.", "sourdough-bread"));
        frames.runUntil(() -> editor.seoProperty().get() != null);
        var fixes = editor.fixes();

        fixes.ask("keyphrase-in-introduction");
        frames.runUntil(() -> !fixes.messageProperty().get().isEmpty());

        assertThat(fixes.messageProperty().get()).startsWith("The model could not rewrite the introduction: ");
        assertThat(fixes.messageCheckProperty().get()).isEqualTo("keyphrase-in-introduction");
        assertThat(fixes.workingProperty().get()).isNull();
        assertThat(editor.content.get()).isEqualTo(BODY);
        assertThat(editor.dirty().get()).isFalse();
    }
}
