package dev.newsdesk.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.answer.Citation;
import dev.newsdesk.retrieve.Filters;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineBuilderTest {
    @Test
    void seedTimelineIsInDateOrderWithResolvedDatesAndExactQuotes(@TempDir Path dir) throws Exception {
        try (TestIndex seed = TestIndex.build(TestIndex.seedCorpus(), dir)) {
            Timeline t = new TimelineBuilder(seed.retriever, seed.grouper()).build("Iran's attack on Israel", Filters.NONE);
            System.out.println(t.answer().text());
            assertThat(t.events()).hasSizeGreaterThanOrEqualTo(3);
            for (int i = 1; i < t.events().size(); i++) {
                assertThat(t.events().get(i).date()).isAfterOrEqualTo(t.events().get(i - 1).date());
            }
            assertThat(t.events()).anySatisfy(e -> assertThat(e.dateSource()).isEqualTo(Timeline.DateSource.TEXT));
            // the Saturday attack, stated relative to articles published on Tuesday and Wednesday
            assertThat(t.events()).anySatisfy(e -> assertThat(e.date()).isEqualTo(LocalDate.of(2024, 4, 13)));
            for (Timeline.Event e : t.events()) {
                assertThat(e.cited()).isNotEmpty();
                if (e.dateSource() == Timeline.DateSource.PUBLICATION) assertThat(e.expression()).isNull();
            }
            // "on Tuesday morning" in Jewish Insider's article of Tuesday 2024-04-16 resolves to that day, from the text
            assertThat(t.events()).anySatisfy(e -> {
                assertThat(e.text()).contains("on Tuesday morning with roughly a dozen Jewish leaders");
                assertThat(e.date()).isEqualTo(LocalDate.of(2024, 4, 16));
                assertThat(e.dateSource()).isEqualTo(Timeline.DateSource.TEXT);
            });
            // an event with no date in its text takes the publication date, and the text says so
            assertThat(t.events()).anySatisfy(e -> assertThat(e.dateSource()).isEqualTo(Timeline.DateSource.PUBLICATION));
            String text = t.answer().text();
            for (Timeline.Event e : t.events()) {
                String marker = e.dateSource() == Timeline.DateSource.PUBLICATION ? e.date() + " (date: publication)"
                        : e.date() + (e.approximate() ? " (approx., \u201c" : " (\u201c") + e.expression() + "\u201d)";
                assertThat(text).contains(marker);
            }
            for (Citation c : t.answer().citations()) {
                assertThat(seed.catalog.article(c.articleId()).orElseThrow().body().substring(c.start(), c.end()))
                        .isEqualTo(c.quote());
            }
        }
    }
}
