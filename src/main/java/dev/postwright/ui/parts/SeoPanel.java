package dev.postwright.ui.parts;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.model.SeoAnalysis.Rating;
import dev.postwright.seo.SeoAnalyzer;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The SEO score, the checks grouped as problems / improvements / good, and a server's own
 * summary, strengths and improvements beside them. Given a way to turn checks off, each check's
 * row has a small "Turn off" button for it; given {@link SeoFixViewModel fixes}, a failing check
 * with a fix has a "Fix" button, and the fix made shows under its row for the writer to accept.
 */
public final class SeoPanel extends VBox {
    private final Label score = new Label("–");
    private final Label readability = new Label();
    private final VBox groups = new VBox(10);
    private final String emptyText;
    private final String idPrefix;
    private final Consumer<String> turnOff;
    private final SeoFixViewModel fixes;
    private SeoAnalysis shown;

    /**
     * @param idPrefix  distinguishes this panel's ids from another's on the same screen
     * @param emptyText shown while there is no analysis
     */
    public SeoPanel(ObservableValue<SeoAnalysis> seo, String idPrefix, String emptyText) {
        this(seo, idPrefix, emptyText, null);
    }

    /**
     * @param turnOff given a check's id, switches it off (the analysis shown next leaves it out);
     *                null for a panel without "Turn off" buttons
     */
    public SeoPanel(ObservableValue<SeoAnalysis> seo, String idPrefix, String emptyText, Consumer<String> turnOff) {
        this(seo, idPrefix, emptyText, turnOff, null);
    }

    /** @param fixes the fixes for failing checks; null for a panel without them */
    public SeoPanel(ObservableValue<SeoAnalysis> seo, String idPrefix, String emptyText, Consumer<String> turnOff,
                    SeoFixViewModel fixes) {
        this.fixes = fixes;
        this.emptyText = emptyText;
        this.idPrefix = idPrefix;
        this.turnOff = turnOff;
        getStyleClass().add("panel");
        setSpacing(8);
        score.setId(idPrefix + "seo-score");
        score.getStyleClass().add("score");
        score.setAccessibleText("SEO score");
        var caption = new Label("SEO score");
        caption.getStyleClass().add("muted");
        readability.setId(idPrefix + "readability");
        readability.setWrapText(true);
        getChildren().addAll(new HBox(10, score, new VBox(2, caption, readability)), groups);
        seo.addListener((o, was, now) -> show(now));
        if (fixes != null) {
            fixes.proposalProperty().addListener((o, was, now) -> show(shown));
            fixes.workingProperty().addListener((o, was, now) -> show(shown));
            fixes.messageProperty().addListener((o, was, now) -> show(shown));
        }
        show(seo.getValue());
    }

    private void show(SeoAnalysis seo) {
        shown = seo;
        groups.getChildren().clear();
        score.getStyleClass().removeAll("good", "ok", "problem");
        if (seo == null) {
            score.setText("–");
            readability.setText(emptyText);
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
        serverList("Strengths", seo.topStrengths(), Rating.GOOD);
        serverList("To improve", seo.topImprovements(), Rating.OK);
    }

    private void group(String title, List<SeoAnalysis.Check> checks, Rating rating) {
        List<SeoAnalysis.Check> matching = checks.stream().filter(c -> c.rating() == rating).toList();
        if (matching.isEmpty()) return;
        var heading = new Label(title + " (" + matching.size() + ")");
        heading.getStyleClass().add("group-title");
        groups.getChildren().add(heading);
        for (SeoAnalysis.Check c : matching) {
            groups.getChildren().add(checkRow(rating, c));
            if (fixes != null) fixUnder(c);
        }
    }

    /** Under a check's row: its fix being made, the fix made, or what came of it. */
    private void fixUnder(SeoAnalysis.Check check) {
        var proposal = fixes.proposalProperty().get();
        if (check.id().equals(fixes.workingProperty().get())) {
            var working = new Label("Making the fix…");
            working.setId(idPrefix + "fix-working");
            working.getStyleClass().add("fix-message");
            var stop = new Button("Cancel");
            stop.getStyleClass().addAll("small", "flat");
            stop.setOnAction(e -> fixes.discard());
            groups.getChildren().add(new HBox(6, working, stop));
        } else if (proposal != null && proposal.offer().checkId().equals(check.id())) {
            groups.getChildren().add(new FixProposalView(proposal, fixes, idPrefix));
        } else if (check.id().equals(fixes.messageCheckProperty().get()) && !fixes.messageProperty().get().isEmpty()) {
            var message = wrapped(fixes.messageProperty().get(), "fix-message");
            message.setId(idPrefix + "fix-message");
            groups.getChildren().add(message);
        }
    }

    /** A producer's own lists (a remote server's), shown under its own headings. */
    private void serverList(String title, List<String> items, Rating rating) {
        if (items.isEmpty()) return;
        var heading = new Label(title);
        heading.getStyleClass().add("group-title");
        groups.getChildren().add(heading);
        items.forEach(item -> groups.getChildren().add(row(rating, item)));
    }

    private HBox checkRow(Rating rating, SeoAnalysis.Check check) {
        var row = row(rating, check.explanation());
        row.setId(idPrefix + "check-" + check.id());
        var text = (Label) row.getChildren().get(1);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS); // the buttons keep to the right edge, the text wraps before them
        if (fixes != null && rating != Rating.GOOD) {
            fixes.offerFor(check.id()).ifPresent(offer -> {
                var fix = new Button("Fix");
                fix.setId(idPrefix + "fix-" + check.id());
                fix.getStyleClass().addAll("small", "flat", "fix");
                fix.setMinWidth(Region.USE_PREF_SIZE);
                fix.setTooltip(new Tooltip(offer.action() + (offer.mechanical() ? "" : ", with the model server")
                        + "; you see the change and its score before anything changes"));
                fix.setAccessibleText(offer.action());
                fix.disableProperty().bind(fixes.workingProperty().isNotNull());
                fix.setOnAction(e -> fixes.ask(check.id()));
                row.getChildren().add(fix);
            });
        }
        if (turnOff == null) return row;
        var off = new Button("Turn off");
        off.setId(idPrefix + "turn-off-" + check.id());
        off.getStyleClass().addAll("small", "flat", "turn-off");
        off.setFocusTraversable(true);
        off.setMinWidth(Region.USE_PREF_SIZE);
        off.setTooltip(new Tooltip("Leave this check out of the score; turn it on again in Settings"));
        off.setAccessibleText("Turn off the check " + SeoCheckToasts.nameOf(check.id()));
        off.setOnAction(e -> turnOff.accept(check.id()));
        row.getChildren().add(off);
        return row;
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
