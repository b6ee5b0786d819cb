package dev.postwright.ui.desk;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.model.SeoAnalysis.Rating;
import dev.postwright.seo.SeoAnalyzer;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The SEO score, the checks grouped as problems / improvements / good, and a server's own summary. */
public final class SeoPanel extends VBox {
    private final Label score = new Label("–");
    private final Label readability = new Label();
    private final VBox groups = new VBox(10);

    public SeoPanel(JobViewModel job) {
        getStyleClass().add("panel");
        setSpacing(8);
        score.setId("seo-score");
        score.getStyleClass().add("score");
        score.setAccessibleText("SEO score");
        var caption = new Label("SEO score");
        caption.getStyleClass().add("muted");
        readability.setId("readability");
        readability.setWrapText(true);
        getChildren().addAll(new HBox(10, score, new VBox(2, caption, readability)), groups);
        job.seoProperty().addListener((o, was, seo) -> show(seo));
        show(null);
    }

    private void show(SeoAnalysis seo) {
        groups.getChildren().clear();
        score.getStyleClass().removeAll("good", "ok", "problem");
        if (seo == null) {
            score.setText("–");
            readability.setText("The analysis appears when the post is written.");
            return;
        }
        int value = seo.overallScore() == null ? 0 : seo.overallScore();
        score.setText(String.valueOf(value));
        score.getStyleClass().add(value >= 80 ? "good" : value >= 50 ? "ok" : "problem");
        readability.setText(seo.checks().isEmpty() ? "" : "Readability: "
                + SeoAnalyzer.readability(seo.checks()).name().toLowerCase());
        if (seo.aiSummary() != null) groups.getChildren().add(wrapped(seo.aiSummary(), "summary"));
        group("Problems", seo.checks(), Rating.PROBLEM);
        group("Improvements", seo.checks(), Rating.OK);
        group("Good", seo.checks(), Rating.GOOD);
        if (seo.checks().isEmpty()) {
            seo.topStrengths().forEach(s -> groups.getChildren().add(row(Rating.GOOD, s)));
            seo.topImprovements().forEach(s -> groups.getChildren().add(row(Rating.OK, s)));
        }
    }

    private void group(String title, List<SeoAnalysis.Check> checks, Rating rating) {
        List<SeoAnalysis.Check> matching = checks.stream().filter(c -> c.rating() == rating).toList();
        if (matching.isEmpty()) return;
        var heading = new Label(title + " (" + matching.size() + ")");
        heading.getStyleClass().add("group-title");
        groups.getChildren().add(heading);
        matching.forEach(c -> groups.getChildren().add(row(rating, c.explanation())));
    }

    private static HBox row(Rating rating, String text) {
        var dot = new Label("●");
        dot.getStyleClass().addAll("dot", rating.name().toLowerCase());
        var row = new HBox(6, dot, wrapped(text, "check"));
        row.getStyleClass().add("check-row");
        return row;
    }

    private static Label wrapped(String text, String styleClass) {
        var label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
