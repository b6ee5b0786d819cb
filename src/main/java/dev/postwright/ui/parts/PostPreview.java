package dev.postwright.ui.parts;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.postwright.model.BlogPost;
import dev.postwright.model.Embeds;
import dev.postwright.render.PostRenderer;
import dev.postwright.render.PreviewDocument;
import dev.postwright.render.Theme;
import dev.postwright.ui.fx.AfterFirstFrames;
import dev.postwright.ui.fx.FxFrames;
import dev.postwright.wire.Json;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.concurrent.Worker;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebView;

/**
 * A post as it will look, in a WebView. The WebView is made once the window has painted its
 * first frames: the first one in a run loads WebKit, which takes about a second, and the window
 * should not wait for it. Until then a plain label holds the place. The document is loaded once
 * per theme; after that each
 * {@link #show} replaces the body in place, so the page never reloads and the scroll position
 * holds. Markdown is rendered on {@code renderThread} (the latest request wins; stale ones are
 * skipped); only the patch runs on the FX thread. The document's Content-Security-Policy forbids
 * scripts, so nothing in a post can run; links open in the system browser. Use on the FX thread.
 */
public final class PostPreview extends StackPane {
    private static final int CHUNKS_PER_GROUP = 32;
    private final PostRenderer renderer;
    private final Consumer<String> openLink;
    private final Label placeholder = new Label();
    private WebView web;
    private String webId;
    private final FxFrames frames;
    private final Executor renderThread;
    private final AtomicReference<Render> latest = new AtomicReference<>();
    private final AtomicBoolean rendering = new AtomicBoolean();
    /** Bumped by {@link #clear()}: renders requested before it are not shown. */
    private final AtomicLong generation = new AtomicLong();
    private final DraftStream draftStream;
    /** Set on the FX thread when the page lost a draft's earlier pieces; the render thread starts the draft over. */
    private final AtomicBoolean restartDraft = new AtomicBoolean();
    private final StringBuilder streamedStable = new StringBuilder();
    private String streamedTail;
    private boolean streaming;
    private long streamGeneration = -1; // render thread only
    private final String emptyState;
    private Theme theme;
    private boolean loaded;
    private String shownHtml;

    /** A render request; {@code draft} ones are streamed (see {@link DraftStream}). */
    private record Render(String markdown, Embeds embeds, boolean draft, long generation) {}

    /**
     * @param emptyState HTML shown before the first {@link #show} (a sentence saying what will appear)
     */
    public PostPreview(PostRenderer renderer, FxFrames frames, Executor renderThread, ObservableValue<Theme> theme,
                       Consumer<String> openLink, String emptyState) {
        this.renderer = renderer;
        this.frames = frames;
        this.renderThread = renderThread;
        this.openLink = openLink;
        this.draftStream = new DraftStream(renderer);
        this.emptyState = emptyState;
        this.shownHtml = emptyState;
        this.theme = theme.getValue();
        getStyleClass().add("post-preview");
        placeholder.getStyleClass().add("empty-state");
        placeholder.setText(emptyState.replaceAll("<[^>]*>", ""));
        getChildren().add(placeholder);
        theme.addListener((o, was, now) -> {
            this.theme = now;
            if (web != null) reload();
        });
        // One pulse after the first paint, so the window is on screen before WebKit loads.
        AfterFirstFrames.whenShown(this, AfterFirstFrames.PAINTED + 1, this::createWebView);
    }

    private void createWebView() {
        web = new WebView();
        web.setId(webId);
        web.setAccessibleText("Post preview");
        web.setContextMenuEnabled(false);
        var engine = web.getEngine();
        engine.getLoadWorker().stateProperty().addListener((o, was, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                loaded = true;
                writeBody(streaming ? streamedHtml() : shownHtml);
            }
        });
        engine.locationProperty().addListener((o, was, url) -> {
            if (url != null && (url.startsWith("http://") || url.startsWith("https://"))) {
                openLink.accept(url);
                frames.nextFrame(this::reload); // stay on the post
            }
        });
        getChildren().setAll(web);
        reload();
    }

    /** Renders {@code markdown} with {@code embeds} off the FX thread and shows it in place. */
    public void show(String markdown, Embeds embeds) {
        request(new Render(markdown, embeds, false, generation.get()));
    }

    /**
     * Shows a draft that grows as it is written. Each update costs what was added: finished
     * blocks are appended to the page and only the unfinished last block is redrawn. Embeds
     * are not drawn; the finished post shown with {@link #show} brings them.
     */
    public void showDraft(String markdown) {
        request(new Render(markdown, Embeds.NONE, true, generation.get()));
    }

    private void request(Render render) {
        latest.set(render);
        if (rendering.compareAndSet(false, true)) renderThread.execute(this::renderLatest);
    }

    /** Shows a whole post, headed by its title unless its content opens with one already. */
    public void showPost(BlogPost post) {
        String content = post.content() == null ? "" : post.content();
        boolean titled = content.stripLeading().startsWith("# ") || post.title() == null || post.title().isBlank();
        show(titled ? content : "# " + post.title() + "\n\n" + content, post.embeds());
    }

    /** Back to the empty state. */
    public void clear() {
        generation.incrementAndGet();
        latest.set(null);
        patch(emptyState);
    }

    /** Gives the WebView an id (for tests and styling), now or when it is made. */
    public void setWebViewId(String id) {
        webId = id;
        if (web != null) web.setId(id);
    }

    /** The page's visible body text, "" before the page has loaded (tests, accessibility checks); FX thread. */
    public String bodyText() {
        if (!loaded) return "";
        Object text = web.getEngine().executeScript("document.getElementById('post-body').innerText");
        return text == null ? "" : text.toString();
    }

    /** Runs a script against the page, e.g. to count cards; null before the page has loaded. FX thread. */
    public Object query(String script) {
        return loaded ? web.getEngine().executeScript(script) : null;
    }

    private void renderLatest() {
        try {
            Render next;
            while ((next = latest.getAndSet(null)) != null) {
                long asOf = next.generation();
                if (asOf != streamGeneration || restartDraft.getAndSet(false)) {
                    draftStream.reset(); // after clear(), a draft starts over even if it repeats the last one
                    streamGeneration = asOf;
                }
                if (next.draft()) {
                    var piece = draftStream.next(next.markdown());
                    frames.nextFrame(() -> {
                        if (asOf == generation.get()) patchDraft(piece);
                    });
                } else {
                    draftStream.reset();
                    String html = renderer.renderBody(next.markdown(), next.embeds());
                    frames.nextFrame(() -> {
                        if (asOf == generation.get()) patch(html);
                    });
                }
            }
        } finally {
            rendering.set(false);
            if (latest.get() != null && rendering.compareAndSet(false, true)) renderThread.execute(this::renderLatest);
        }
    }

    private void patchDraft(DraftStream.Patch piece) {
        if (piece.reset()) {
            streamedStable.setLength(0);
            streamedStable.append(chunk(piece.stableHtml()));
            streamedTail = piece.tailHtml();
            streaming = true;
            writeBody(streamedHtml());
            return;
        }
        if (!streaming) { // the page was replaced meanwhile: have the next draft drawn whole
            restartDraft.set(true);
            return;
        }
        streamedStable.append(chunk(piece.stableHtml()));
        streamedTail = piece.tailHtml();
        if (!loaded) return;
        web.getEngine().executeScript("(function(){var s=document.getElementById('pw-stable');"
                + "var g=s.lastElementChild;if(!g||g.childElementCount>=" + CHUNKS_PER_GROUP + "){"
                + "g=document.createElement('div');g.className='pw-group';s.appendChild(g);}"
                + "g.insertAdjacentHTML('beforeend'," + literal(chunk(piece.stableHtml())) + ");"
                + "document.getElementById('pw-tail').innerHTML=" + literal(piece.tailHtml()) + ";})()");
    }

    /**
     * Each appended piece is a layout-contained chunk, and chunks are grouped (contained too), so
     * WebKit lays out one piece and walks a few groups per append instead of the whole draft.
     * Measured in ResponsivenessBenchmark.
     */
    private static String chunk(String html) {
        return html.isEmpty() ? "" : "<div class=\"pw-chunk\">" + html + "</div>";
    }

    private String streamedHtml() {
        return "<div id=\"pw-stable\"><div class=\"pw-group\">" + streamedStable + "</div></div><div id=\"pw-tail\">"
                + streamedTail + "</div>";
    }

    private static String literal(String html) {
        return Json.write(TextNode.valueOf(html)); // a JSON string is a valid JavaScript string
    }

    private void patch(String html) {
        shownHtml = html;
        streaming = false;
        writeBody(html);
    }

    /** Replaces the page's body; before the document has loaded, the load does it. */
    private void writeBody(String html) {
        if (!loaded) return;
        web.getEngine().executeScript("document.getElementById('post-body').innerHTML = " + literal(html));
    }

    private void reload() {
        loaded = false;
        String shell = new PreviewDocument(renderer).render(new BlogPost(null, null, "", null, List.of(), List.of(), null,
                List.of(), List.of(), null, null, Embeds.NONE), theme);
        web.getEngine().loadContent(shell);
    }
}
