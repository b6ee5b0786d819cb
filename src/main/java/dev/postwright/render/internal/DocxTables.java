package dev.postwright.render.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Node;

/**
 * A GFM table as a Word table of the "Table Grid" style, across the text's width: the header
 * row bold and repeated on every page the table runs onto, each column aligned as the Markdown asks.
 */
final class DocxTables {
    private DocxTables() {}

    static void write(TableBlock table, XWPFDocument document, DocxPictures pictures) {
        List<TableRow> rows = new ArrayList<>();
        List<Boolean> header = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (row instanceof TableRow r) {
                    rows.add(r);
                    header.add(section instanceof TableHead);
                }
            }
        }
        int columns = 0;
        for (TableRow row : rows) columns = Math.max(columns, count(row));
        if (rows.isEmpty() || columns == 0) return;
        XWPFTable out = document.createTable(rows.size(), columns);
        out.setStyleID("TableGrid");
        out.setWidth("100%");
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = out.getRow(r);
            if (header.get(r)) row.setRepeatHeader(true);
            int c = 0;
            for (Node cell = rows.get(r).getFirstChild(); cell != null; cell = cell.getNext(), c++) {
                if (cell instanceof TableCell tableCell) write(tableCell, row.getCell(c), header.get(r), pictures);
            }
        }
        // Word runs a table into the next one unless a paragraph stands between them.
        document.createParagraph().setSpacingAfter(0);
    }

    private static void write(TableCell cell, XWPFTableCell out, boolean header, DocxPictures pictures) {
        XWPFParagraph paragraph = out.getParagraphs().getFirst();
        DocxInlines.write(cell, paragraph, pictures);
        if (header) paragraph.getRuns().forEach(run -> run.setBold(true));
        if (cell.getAlignment() != null) {
            paragraph.setAlignment(switch (cell.getAlignment()) {
                case LEFT -> ParagraphAlignment.LEFT;
                case CENTER -> ParagraphAlignment.CENTER;
                case RIGHT -> ParagraphAlignment.RIGHT;
            });
        }
    }

    private static int count(TableRow row) {
        int n = 0;
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) n++;
        return n;
    }
}
