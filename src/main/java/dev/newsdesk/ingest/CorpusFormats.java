package dev.newsdesk.ingest;

import java.util.List;

/**
 * The corpus formats newsdesk reads, in the order their extensions are listed to users. A new format (a WARC or
 * TREC SGML reader, say) is one class implementing {@link CorpusFormat} and one line here.
 */
final class CorpusFormats {
    private CorpusFormats() {
    }

    static List<CorpusFormat> standard(Cleaner cleaner) {
        return List.of(
                new TextFormat(cleaner),
                new JsonFormat(),
                new JsonLinesFormat(),
                new HtmlFormat());
    }
}
