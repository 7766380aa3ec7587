package dev.newsdesk.cli;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Citation;
import java.io.PrintWriter;

/** Plain-text rendering of an answer for a terminal: the answer, an optional note, then the numbered sources. */
final class AnswerPrinter {
    private AnswerPrinter() {}

    static void print(Answer a, PrintWriter out) {
        out.println(a.text());
        if (a.note() != null) out.println("(" + a.note() + ")");
        if (a.citations().isEmpty()) return;
        out.println();
        out.println(a.abstained() ? "Closest articles" : "Sources");
        for (Citation c : a.citations()) {
            out.printf("[%d] %s — %s (%s)%s%n", c.n(), c.outlet(), c.title(),
                    c.published() == null ? "undated" : c.published(), c.url() == null ? "" : " " + c.url());
            out.println("    \u201c" + c.quote().replaceAll("\\s+", " ") + "\u201d  [" + c.passageId() + " @" + c.start() + "-" + c.end() + "]");
        }
    }
}
