package dev.postwright.ui.parts;

import dev.postwright.seo.fix.FixProposal;
import dev.postwright.seo.fix.WordDiff;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A fix waiting for the writer: what it rewrites, the change word by word (removed words struck
 * through, added ones marked; long unchanged stretches shortened to their ends), what it does to
 * the check and the score, and Accept / Discard.
 */
final class FixProposalView extends VBox {
    /** Unchanged text longer than this shows only its ends around an ellipsis. */
    private static final int CONTEXT = 60;

    FixProposalView(FixProposal proposal, SeoFixViewModel fixes, String idPrefix) {
        super(6);
        getStyleClass().add("fix-proposal");
        setId(idPrefix + "fix-proposal");
        var what = new Label(proposal.offer().action() + (proposal.offer().mechanical() ? "" : " (written by the model)"));
        what.getStyleClass().add("fix-title");
        what.setWrapText(true);
        var diff = diff(proposal.diff());
        diff.setId(idPrefix + "fix-diff");
        var outcome = new Label(proposal.outcome());
        outcome.setId(idPrefix + "fix-outcome");
        outcome.setWrapText(true);
        outcome.getStyleClass().add(proposal.improvesCheck() ? "fix-better"
                : proposal.worsensCheck() ? "fix-worse" : "fix-message");
        var accept = new Button("Accept");
        accept.setId(idPrefix + "fix-accept");
        accept.getStyleClass().addAll("small", "accent");
        accept.setAccessibleText("Accept the fix: " + proposal.offer().action());
        accept.setOnAction(e -> fixes.accept());
        var discard = new Button("Discard");
        discard.setId(idPrefix + "fix-discard");
        discard.getStyleClass().add("small");
        discard.setOnAction(e -> fixes.discard());
        var buttons = new HBox(6, accept, discard);
        if (!proposal.offer().mechanical()) { // a model writes it anew each time; a mechanical fix is the same
            var again = new Button("Try again");
            again.setId(idPrefix + "fix-again");
            again.getStyleClass().addAll("small", "flat");
            again.setOnAction(e -> fixes.ask(proposal.offer().checkId()));
            buttons.getChildren().add(again);
        }
        getChildren().addAll(what, diff, outcome, buttons);
    }

    private static TextFlow diff(List<WordDiff.Segment> segments) {
        var flow = new TextFlow();
        flow.getStyleClass().add("fix-diff");
        for (int i = 0; i < segments.size(); i++) {
            WordDiff.Segment s = segments.get(i);
            var text = new Text(s.change() == WordDiff.Change.SAME ? shortened(s.text(), i == 0,
                    i == segments.size() - 1) : s.text());
            text.getStyleClass().add(switch (s.change()) {
                case SAME -> "diff-same";
                case REMOVED -> "diff-removed";
                case ADDED -> "diff-added";
            });
            text.setStrikethrough(s.change() == WordDiff.Change.REMOVED);
            flow.getChildren().add(text);
        }
        return flow;
    }

    /** An unchanged stretch cut to the words next to the changes: its end first, its start last. */
    private static String shortened(String text, boolean first, boolean last) {
        if (text.length() <= 2 * CONTEXT) return text;
        String head = text.substring(0, CONTEXT);
        String tail = text.substring(text.length() - CONTEXT);
        if (first) return "…" + tail;
        if (last) return head + "…";
        return head + " … " + tail;
    }
}
