package dev.postwright.render.internal;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/**
 * Word's own list numbering for Markdown lists: each list gets a numbering definition of its
 * kind (bullets, or decimals from the list's first number), so a numbered list restarts where
 * the Markdown restarts it, and a nested list is a deeper level of its own definition.
 */
final class DocxLists {
    /** Indent per nesting level, in twips. */
    static final int INDENT = 720;
    private static final String[] BULLETS = {"•", "◦", "▪"};

    private final XWPFNumbering numbering;
    private int nextAbstractId;

    DocxLists(XWPFDocument document) {
        this.numbering = document.createNumbering();
    }

    /** A new numbering instance for a bullet list, or a numbered one from {@code start}; its id. */
    BigInteger newList(boolean ordered, int start) {
        CTAbstractNum definition = CTAbstractNum.Factory.newInstance();
        definition.setAbstractNumId(BigInteger.valueOf(nextAbstractId++));
        for (int level = 0; level < 9; level++) {
            CTLvl lvl = definition.addNewLvl();
            lvl.setIlvl(BigInteger.valueOf(level));
            lvl.addNewStart().setVal(BigInteger.valueOf(ordered && level == 0 ? Math.max(0, start) : 1));
            lvl.addNewNumFmt().setVal(ordered ? STNumberFormat.DECIMAL : STNumberFormat.BULLET);
            lvl.addNewLvlText().setVal(ordered ? "%" + (level + 1) + "." : BULLETS[level % BULLETS.length]);
            lvl.addNewLvlJc().setVal(STJc.LEFT);
            CTInd indent = lvl.addNewPPr().addNewInd();
            indent.setLeft(BigInteger.valueOf((long) INDENT * (level + 1)));
            indent.setHanging(BigInteger.valueOf(360));
        }
        BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(definition, numbering));
        return numbering.addNum(abstractId);
    }
}
