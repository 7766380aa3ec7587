package dev.newsdesk.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The corpus formats newsdesk reads, in the order their extensions are listed to users. A new format (a WARC or
 * TREC SGML reader, say) is one class implementing {@link CorpusFormat} and one line here.
 */
final class CorpusFormats {
    private CorpusFormats() {
    }

    static List<CorpusFormat> standard(Cleaner cleaner) {
        ObjectMapper mapper = new ObjectMapper(); // thread-safe once configured; shared by the two JSON formats
        return List.of(
                new TextFormat(cleaner),
                new JsonFormat(mapper),
                new JsonLinesFormat(mapper),
                new HtmlFormat());
    }
}
