package dev.postwright.ui.desk;

import dev.postwright.model.BlogPost;
import dev.postwright.model.ContextSummary;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Organization context, title, meta description with its length, tags, read time, links and CTAs. */
public final class DetailsPanel extends VBox {
    public DetailsPanel(JobViewModel job) {
        getStyleClass().add("panel");
        setSpacing(6);
        Runnable show = () -> show(job.contextProperty().get(), job.postProperty().get());
        job.contextProperty().addListener((o, was, now) -> show.run());
        job.postProperty().addListener((o, was, now) -> show.run());
        show.run();
    }

    private void show(ContextSummary context, BlogPost post) {
        getChildren().clear();
        if (context != null) {
            add("Organization context", Math.round(context.completenessScore()) + " % complete"
                    + (Boolean.TRUE.equals(context.hasBlogContent()) ? " · has earlier posts" : "")
                    + (Boolean.TRUE.equals(context.hasCtaData()) ? " · has calls to action" : ""));
        }
        if (post == null) {
            if (context == null) add("Details", "Title, description and tags appear when the draft is done.");
            return;
        }
        add("Title", post.title());
        String meta = post.metaDescription();
        if (meta != null) add("Meta description (" + meta.length() + " characters)", meta).setId("meta-description");
        if (!post.tags().isEmpty()) add("Tags", String.join(", ", post.tags()));
        if (post.estimatedReadTime() != null) add("Read time", post.estimatedReadTime());
        post.internalLinks().forEach(l -> add("Internal link", l.anchorText() + " → " + l.suggestedUrl()));
        post.ctaSuggestions().forEach(c -> add("Call to action", c.text() + " (" + c.placement() + ")"));
    }

    private Label add(String caption, String value) {
        var title = new Label(caption);
        title.getStyleClass().add("group-title");
        var text = new Label(value == null ? "" : value);
        text.setWrapText(true);
        getChildren().addAll(title, text);
        return text;
    }
}
