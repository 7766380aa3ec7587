package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new corpus format is one class and one registration: here a minimal TREC SGML reader, added to the standard
 * list, gets the walking, gzip, ids, sources, ordering and failure reporting every format gets.
 */
class CorpusFormatTest {
    /** {@code <DOC><DOCNO>id</DOCNO><HEADLINE>..</HEADLINE><TEXT>..</TEXT></DOC>}, as in TREC news collections. */
    static final class TrecFormat implements CorpusFormat {
        private static final Pattern DOC = Pattern.compile("<DOC>(.*?)</DOC>", Pattern.DOTALL);

        @Override
        public Extensions extensions() {
            return Extensions.of(".trec", "trec");
        }

        @Override
        public void read(CorpusFile file, Records out) throws IOException, BadInputException {
            String text;
            try (InputStream in = file.open()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher m = DOC.matcher(text);
            int index = 0;
            while (m.find()) {
                String doc = m.group(1);
                out.add(new RawRecord(tag(doc, "DOCNO"), tag(doc, "HEADLINE"), null, tag(doc, "DATE"), null, null,
                        null, tag(doc, "TEXT"), null), index++);
            }
            if (out.seen() == 0) throw new BadInputException("no <DOC> elements; is this TREC SGML?");
        }

        private static String tag(String doc, String name) {
            Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL).matcher(doc);
            return m.find() ? m.group(1).strip() : null;
        }
    }

    @TempDir
    Path dir;

    private CorpusReader withTrec() {
        List<CorpusFormat> formats = new ArrayList<>(CorpusFormats.standard(new Cleaner()));
        formats.add(new TrecFormat());
        return new CorpusReader(IngestLimits.DEFAULTS, new Cleaner(), 2, formats);
    }

    @Test
    void aRegisteredFormatIsReadLikeTheBuiltInOnes() throws IOException {
        Files.writeString(dir.resolve("a.trec"), """
                <DOC><DOCNO>FT-1</DOCNO><DATE>2024-03-05</DATE><HEADLINE>Bridge approved by the council</HEADLINE>
                <TEXT>The council voted on Tuesday to build a bridge. Work starts in May.</TEXT></DOC>
                <DOC><DOCNO>FT-2</DOCNO><HEADLINE>Rates held by the central bank</HEADLINE>
                <TEXT>The central bank held rates on Wednesday. Markets barely moved.</TEXT></DOC>
                <DOC><DOCNO>FT-3</DOCNO><TEXT>   </TEXT></DOC>
                """);
        Files.writeString(dir.resolve("b.md"), "A markdown story sits next to them. It has two sentences.\n");
        Files.writeString(dir.resolve("c.trec"), "no documents here");

        CollectingSink sink = CollectingSink.read(withTrec(), dir);

        assertThat(sink.articles).extracting(Article::id).containsExactly("FT-1", "FT-2", "b");
        assertThat(sink.articles.getFirst().source()).isEqualTo(dir.resolve("a.trec") + "#0");
        assertThat(sink.articles.getFirst().published()).hasToString("2024-03-05");
        assertThat(sink.articles.getFirst().title()).isEqualTo("Bridge approved by the council");
        assertThat(sink.events).containsExactly(
                "article FT-1",
                "article FT-2",
                "failure a.trec: record #2: no article text (empty body); add the text or remove the record",
                "article b",
                "failure c.trec: no <DOC> elements; is this TREC SGML?");
    }

    @Test
    void theUnsupportedTypeMessageListsEveryRegisteredFormat() throws IOException {
        Path pdf = dir.resolve("x.pdf");
        Files.writeString(pdf, "%PDF");
        CollectingSink sink = CollectingSink.read(withTrec(), pdf);
        assertThat(sink.failures).singleElement().extracting(CollectingSink.Failure::reason).isEqualTo(
                "unsupported file type '.pdf'; use .md, .txt, .json, .jsonl, .html or .trec (optionally gzipped as .gz)");
    }
}
