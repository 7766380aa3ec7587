package dev.newsdesk.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.answer.Citation;
import dev.newsdesk.retrieve.Filters;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageSummarizerTest {
    @TempDir
    static Path dir;
    static TestIndex seed;

    @BeforeAll
    static void index() throws Exception {
        seed = TestIndex.build(TestIndex.seedCorpus(), dir.resolve("index"));
    }

    @AfterAll
    static void close() throws Exception {
        seed.close();
    }

    @Test
    void seedSummaryHasAPointReportedByTwoOutletsWithExactQuotes() {
        Summary s = new CoverageSummarizer(seed.retriever, seed.grouper(), null)
                .summary("Iran's attack on Israel and Blinken's advice", Filters.NONE);
        System.out.println(s.answer().text());
        s.answer().citations().forEach(c -> System.out.println("  [" + c.n() + "] " + c.outlet() + ": " + c.quote()));
        assertThat(s.answer().abstained()).isFalse();
        assertThat(s.points()).hasSizeBetween(3, 7);
        assertThat(s.points()).anySatisfy(p -> {
            assertThat(p.outlets()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(p.cited()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(p.cited().stream().map(n -> s.answer().citations().get(n - 1).outlet()).distinct())
                    .hasSizeGreaterThanOrEqualTo(2);
        });
        for (Citation c : s.answer().citations()) {
            String body = seed.catalog.article(c.articleId()).orElseThrow().body();
            assertThat(body.substring(c.start(), c.end())).isEqualTo(c.quote());
            assertThat(s.answer().text()).contains("[" + c.n() + "]");
        }
        // each point says how widely it was reported; points only one outlet reports are marked as such
        List<String> lines = s.answer().text().lines().filter(l -> l.matches("\\d+\\. .*")).toList();
        assertThat(lines).hasSameSizeAs(s.points());
        for (int i = 0; i < s.points().size(); i++) {
            Summary.Point p = s.points().get(i);
            String line = lines.get(i);
            if (p.outlets().size() > 1) {
                assertThat(line).contains("reported by " + p.outlets().size() + " outlets (" + String.join(", ", p.outlets()) + ")");
            } else {
                assertThat(line).contains("only " + p.outlets().getFirst());
            }
            for (int n : p.cited()) assertThat(line).contains("[" + n + "]");
        }
        assertThat(s.points()).anySatisfy(p -> assertThat(p.outlets()).hasSize(1));
        // ordered by how widely it was reported, then how early: no wider point after a narrower one
        for (int i = 1; i < s.points().size(); i++) {
            Summary.Point before = s.points().get(i - 1);
            Summary.Point after = s.points().get(i);
            assertThat(before.outlets().size()).as("point %d", i + 1).isGreaterThanOrEqualTo(after.outlets().size());
            if (before.outlets().size() == after.outlets().size() && before.articles() == after.articles()
                    && before.firstReported() != null && after.firstReported() != null) {
                assertThat(before.firstReported()).isBeforeOrEqualTo(after.firstReported());
            }
        }
    }
}
