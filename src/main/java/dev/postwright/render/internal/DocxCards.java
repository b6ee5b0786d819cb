package dev.postwright.render.internal;

import dev.postwright.model.Article;
import dev.postwright.model.Tweet;
import dev.postwright.model.Video;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Embeds and visual suggestions as cards in a Word document: paragraphs of the "Embed Card"
 * style (one bordered box), the text and a real link to where the embed lives, as the preview's
 * cards say it ({@link EmbedCardRenderer}).
 */
final class DocxCards {
    private final Supplier<XWPFParagraph> paragraphs;

    /** @param paragraphs a new paragraph where the card goes, each call */
    DocxCards(Supplier<XWPFParagraph> paragraphs) {
        this.paragraphs = paragraphs;
    }

    void embed(EmbedBlock embed) {
        switch (embed.resolved) {
            case Tweet t -> tweet(t);
            case Article a -> article(a);
            case Video v -> video(v);
            case null, default -> italic(line(), "Missing " + embed.kind().name().toLowerCase(Locale.ROOT) + " "
                    + (embed.index() + 1) + ": the post refers to an embed that was not provided.");
        }
    }

    void visual(VisualPlaceholder visual) {
        XWPFParagraph label = line();
        bold(label, visual.kind().equals("chart") ? "Chart suggestion" : "Image suggestion");
        if (visual.description() != null && !visual.description().isBlank()) italic(line(), visual.description());
    }

    private void tweet(Tweet t) {
        if (t.text() != null) DocxRuns.text(line(), t.text());
        XWPFParagraph byline = line();
        bold(byline, "— " + (t.author() == null ? "" : t.author()));
        if (t.handle() != null) DocxRuns.text(byline, " " + (t.handle().startsWith("@") ? t.handle() : "@" + t.handle()));
        if (SafeUrls.webLinkOrNull(t.url()) != null) {
            DocxRuns.text(byline, " · ");
            DocxRuns.linked(byline, t.url(), "View post");
        }
    }

    private void article(Article a) {
        title(a.title(), a.url(), "");
        meta(a.sourceName(), a.publishedAt() != null && a.publishedAt().length() >= 10 && a.publishedAt().charAt(4) == '-'
                ? a.publishedAt().substring(0, 10) : a.publishedAt());
        if (a.description() != null && !a.description().isBlank()) DocxRuns.text(line(), a.description());
    }

    private void video(Video v) {
        title(v.title(), v.url(), "▶ ");
        meta(v.channelTitle(), v.duration());
    }

    /** The card's title, linked when its address is a web one; the address itself when there is no title. */
    private void title(String title, String url, String prefix) {
        XWPFParagraph line = line();
        String text = title == null || title.isBlank() ? url : title;
        if (text == null) return;
        if (!prefix.isEmpty()) DocxRuns.text(line, prefix);
        XWPFRun run = SafeUrls.webLinkOrNull(url) != null ? DocxRuns.linked(line, url, text) : DocxRuns.text(line, text);
        if (run != null) run.setBold(true);
    }

    private void meta(String first, String second) {
        boolean a = first != null && !first.isBlank();
        boolean b = second != null && !second.isBlank();
        if (!a && !b) return;
        XWPFRun run = DocxRuns.text(line(), a && b ? first + " · " + second : a ? first : second);
        if (run != null) run.setColor("5F6670");
    }

    private XWPFParagraph line() {
        XWPFParagraph paragraph = paragraphs.get();
        paragraph.setStyle("Card");
        return paragraph;
    }

    private static void bold(XWPFParagraph paragraph, String text) {
        XWPFRun run = DocxRuns.text(paragraph, text);
        if (run != null) run.setBold(true);
    }

    private static void italic(XWPFParagraph paragraph, String text) {
        XWPFRun run = DocxRuns.text(paragraph, text);
        if (run != null) run.setItalic(true);
    }
}
