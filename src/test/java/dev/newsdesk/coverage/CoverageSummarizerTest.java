package dev.newsdesk.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.answer.Citation;
import dev.newsdesk.retrieve.Filters;
import java.nio.file.Path;
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
    }
}
