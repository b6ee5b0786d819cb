package dev.postwright.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.BlogPost;
import dev.postwright.model.Embeds;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class PreviewDocumentTest {
    private final PreviewDocument preview = new PreviewDocument(new PostRenderer());

    static BlogPost post(String title, String subtitle, String content) {
        return new BlogPost(title, subtitle, content, null, List.of(), List.of(), null, List.of(), List.of(), null, null,
                PostRendererGoldenTest.EMBEDS);
    }

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aCompleteDocumentWithThemeTitleAndNoScriptPolicy() {
        String html = preview.render(post("Bread </title><script>x()</script>", "Day one", "Body text."), Theme.DARK);
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\" data-theme=\"dark\">")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
                .contains("<title>Bread &lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>")
                .contains("<h1 class=\"post-title\">Bread &lt;/title&gt;")
                .contains("<p class=\"post-subtitle\">Day one</p>")
                .contains("<div id=\"post-body\">\n<p>Body text.</p>\n</div>")
                .doesNotContain("<script>");
    }

    @Test
    void aBodyThatBringsItsOwnH1IsNotGivenASecondTitle() {
        String html = preview.render(post("Sourdough", null, "# Sourdough\n\nText."), Theme.LIGHT);
        assertThat(html).doesNotContain("post-title").contains("<h1>Sourdough</h1>").contains("data-theme=\"light\"");
    }

    /** In a real WebView: cards render, and even a script injected past the renderer does not run. */
    @Test
    void theWebViewShowsCardsAndRunsNoScriptFromContent() throws Exception {
        String html = preview.render(post("T", null, "Intro.\n\n[TWEET:0]\n\n[ARTICLE:0]\n\n<script>document.title='x'</script>"),
                Theme.LIGHT);
        // Simulate a bypass of escaping: the Content-Security-Policy must still stop the script.
        String injected = html.replace("<div id=\"post-body\">", "<div id=\"post-body\"><script>document.title='pwned'</script>"
                + "<img src=x onerror=\"document.title='pwned-by-onerror'\">");
        var result = new CompletableFuture<String>();
        Platform.runLater(() -> {
            var web = new WebView();
            web.getEngine().getLoadWorker().stateProperty().addListener((o, was, state) -> {
                if (state == Worker.State.SUCCEEDED) {
                    result.complete(web.getEngine().executeScript("document.title + '|' + "
                            + "document.querySelectorAll('.embed').length + '|' + "
                            + "document.querySelector('.embed-tweet .embed-author').textContent") + "");
                }
            });
            web.getEngine().loadContent(injected);
        });
        assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("T|2|Ann");
    }

    @Test
    void stylesheetHasBothThemes() {
        String html = preview.render(post("T", null, ""), Theme.LIGHT);
        assertThat(html).contains(":root[data-theme=\"light\"]").contains(":root[data-theme=\"dark\"]");
        assertThat(Embeds.NONE.tweets()).isEmpty();
    }
}
