package dev.postwright.ui.desk;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.postwright.model.BlogPost;
import dev.postwright.model.Embeds;
import dev.postwright.render.PostRenderer;
import dev.postwright.render.PreviewDocument;
import dev.postwright.render.Theme;
import dev.postwright.ui.fx.FxFrames;
import dev.postwright.wire.Json;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.concurrent.Worker;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.web.WebView;

/**
 * The post as it will look. The document is loaded once; after that each render replaces the
 * body in place, so the page never reloads and the scroll position holds. Rendering runs on
 * {@code renderer}'s executor (latest request wins); only the patch runs on the FX thread.
 * Links open in the system browser.
 */
public final class PreviewView extends BorderPane {
    private static final Pattern EMBED = Pattern.compile("\\[(?:TWEET|ARTICLE|VIDEO):\\d+]");
    private static final String EMPTY_STATE = "<p class=\"empty-state\">Your post appears here as it is written.</p>";

    private final WebView web = new WebView();
    private final PostRenderer renderer;
    private final FxFrames frames;
    private final Executor renderThread;
    private final String shell;
    private final AtomicReference<Render> latest = new AtomicReference<>();
    private final AtomicBoolean rendering = new AtomicBoolean();
    private boolean loaded;
    private String shownHtml = EMPTY_STATE;

    private record Render(String markdown, Embeds embeds) {}

    public PreviewView(JobViewModel job, PostRenderer renderer, FxFrames frames, Executor renderThread,
                       Consumer<String> openLink) {
        this.renderer = renderer;
        this.frames = frames;
        this.renderThread = renderThread;
        getStyleClass().add("preview");
        this.shell = new PreviewDocument(renderer).render(new BlogPost(null, null, "", null, List.of(), List.of(), null,
                List.of(), List.of(), null, null, Embeds.NONE), Theme.LIGHT);
        web.setId("preview");
        web.setAccessibleText("Post preview");
        var engine = web.getEngine();
        engine.getLoadWorker().stateProperty().addListener((o, was, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                loaded = true;
                patch(shownHtml);
            }
        });
        engine.locationProperty().addListener((o, was, url) -> {
            if (url != null && (url.startsWith("http://") || url.startsWith("https://"))) {
                openLink.accept(url);
                frames.nextFrame(this::reload); // stay on the post
            }
        });
        reload();
        var scaffold = new Label("Offline scaffold: a structured starting point for you to expand, not finished prose.");
        scaffold.setId("scaffold-banner");
        scaffold.getStyleClass().add("scaffold-banner");
        scaffold.setMaxWidth(Double.MAX_VALUE);
        scaffold.visibleProperty().bind(job.scaffoldProperty());
        scaffold.managedProperty().bind(scaffold.visibleProperty());
        setTop(scaffold);
        setCenter(web);
        // While the draft streams, embeds are left out: their cards come with the finished post.
        job.draftProperty().addListener((o, was, draft) -> {
            if (job.postProperty().get() == null) request(EMBED.matcher(draft).replaceAll(""), Embeds.NONE);
        });
        job.postProperty().addListener((o, was, post) -> {
            if (post != null) request(withTitle(post), post.embeds());
        });
    }

    /** The page's visible body text (for tests and accessibility checks); FX thread. */
    public String bodyText() {
        Object text = web.getEngine().executeScript("document.getElementById('post-body').innerText");
        return text == null ? "" : text.toString();
    }

    /** Runs a script against the page, e.g. to count cards; FX thread. */
    public Object query(String script) {
        return web.getEngine().executeScript(script);
    }

    private void request(String markdown, Embeds embeds) {
        latest.set(new Render(markdown, embeds));
        if (rendering.compareAndSet(false, true)) renderThread.execute(this::renderLatest);
    }

    private void renderLatest() {
        try {
            Render next;
            while ((next = latest.getAndSet(null)) != null) {
                String html = renderer.renderBody(next.markdown(), next.embeds());
                frames.nextFrame(() -> patch(html));
            }
        } finally {
            rendering.set(false);
            if (latest.get() != null && rendering.compareAndSet(false, true)) renderThread.execute(this::renderLatest);
        }
    }

    private void patch(String html) {
        shownHtml = html;
        if (!loaded) return; // applied once the document has loaded
        String literal = Json.write(TextNode.valueOf(html)); // a JSON string is a valid JavaScript string
        web.getEngine().executeScript("document.getElementById('post-body').innerHTML = " + literal);
    }

    private void reload() {
        loaded = false;
        web.getEngine().loadContent(shell);
    }

    private static String withTitle(BlogPost post) {
        String content = post.content() == null ? "" : post.content();
        if (content.stripLeading().startsWith("# ") || post.title() == null) return content;
        return "# " + post.title() + "\n\n" + content;
    }
}
