package dev.postwright.ui.parts;

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
 * holds. Markdown is rendered on {@code renderThread} by {@link PreviewRendering} (the latest
 * request wins; draft pieces are gathered); only the patch runs on the FX thread. The document's Content-Security-Policy forbids
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
    private final PreviewRendering rendering;
    private final StringBuilder streamedStable = new StringBuilder();
    private String streamedTail;
    private boolean streaming;
    private final String emptyState;
    private Theme theme;
    private boolean loaded;
    private String shownHtml;

    /**
     * @param emptyState HTML shown before the first {@link #show} (a sentence saying what will appear)
     */
    public PostPreview(PostRenderer renderer, FxFrames frames, Executor renderThread, ObservableValue<Theme> theme,
                       Consumer<String> openLink, String emptyState) {
        this.renderer = renderer;
        this.frames = frames;
        this.rendering = new PreviewRendering(renderer, renderThread, frames, this::apply);
        this.openLink = openLink;
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
        rendering.show(markdown, embeds);
    }

    /**
     * Adds {@code piece} to the draft being shown as it is written. Each update costs what was
     * added: finished blocks are appended to the page and only the unfinished last block is
     * redrawn. Embeds are not drawn; the finished post shown with {@link #show} brings them.
     */
    public void appendDraft(String piece) {
        rendering.draft(false, piece);
    }

    /** Starts the draft over with {@code beginning}: the draft so far was voided ({@code draft-reset}). */
    public void restartDraft(String beginning) {
        rendering.draft(true, beginning);
    }

    /** Shows a whole post, headed by its title unless its content opens with one already. */
    public void showPost(BlogPost post) {
        String content = post.content() == null ? "" : post.content();
        boolean titled = content.stripLeading().startsWith("# ") || post.title() == null || post.title().isBlank();
        show(titled ? content : "# " + post.title() + "\n\n" + content, post.embeds());
    }

    /** Back to the empty state. */
    public void clear() {
        rendering.clear();
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

    private void apply(PreviewRendering.Update update) {
        switch (update) {
            case PreviewRendering.Update.Page page -> patch(page.html());
            case PreviewRendering.Update.Draft draft -> patchDraft(draft.patch());
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
        if (!streaming) { // the page was replaced meanwhile: have the draft drawn whole
            rendering.redrawDraft();
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
        return Json.quote(html); // a JSON string is a valid JavaScript string
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
