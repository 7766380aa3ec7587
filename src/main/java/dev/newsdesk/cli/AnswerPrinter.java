package dev.newsdesk.cli;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Citation;
import java.io.PrintWriter;

/**
 * Plain-text rendering of an answer for a terminal: the lead (when there is one) on the first line, the answer, an
 * optional note, then the numbered sources.
 */
final class AnswerPrinter {
    private AnswerPrinter() {}

    static void print(Answer a, PrintWriter out) {
        print(a, out, null);
    }

    /** @param readerBase web.base-url: each source also gets its reader link (null: none) */
    static void print(Answer a, PrintWriter out, String readerBase) {
        if (a.lead() != null) out.println(a.lead().withMarkers());
        out.println(a.text());
        if (a.note() != null) out.println("(" + a.note() + ")");
        if (a.citations().isEmpty()) return;
        out.println();
        out.println(a.abstained() ? "Closest articles" : "Sources");
        for (Citation c : a.citations()) {
            out.printf("[%d] %s — %s (%s)%s%n", c.n(), c.outlet(), c.title(),
                    c.published() == null ? "undated" : c.published(), c.url() == null ? "" : " " + dev.newsdesk.answer.TextFragments.link(c.url(), c.quote()));
            out.println("    \u201c" + c.quote().replaceAll("\\s+", " ") + "\u201d  [" + c.passageId() + " @" + c.start() + "-" + c.end() + "]");
            if (readerBase != null) out.println("    read: " + dev.newsdesk.answer.ReaderLink.of(readerBase, c));
        }
    }
}
