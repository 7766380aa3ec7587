package dev.newsdesk.ingest;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {
    private final Article a = new Article("id1", "Title", "Outlet", LocalDate.of(2024, 1, 2), "https://x.test/a",
            "Author", "world", "Body text.", "corpus/a.md", List.of());

    @Test
    void stableHexAndIgnoresIdAndSource() {
        assertThat(ContentHash.of(a)).matches("[0-9a-f]{64}").isEqualTo(ContentHash.of(a));
        Article moved = new Article("other-id", a.title(), a.outlet(), a.published(), a.url(), a.author(),
                a.category(), a.body(), "elsewhere/a.md", a.alsoPublishedBy());
        assertThat(ContentHash.of(moved)).isEqualTo(ContentHash.of(a));
    }

    @Test
    void changesWhenAnyIndexedFieldChanges() {
        String h = ContentHash.of(a);
        assertThat(ContentHash.of(new Article("id1", a.title(), a.outlet(), a.published(), a.url(), a.author(),
                a.category(), "Body text!", a.source(), List.of()))).isNotEqualTo(h);
        assertThat(ContentHash.of(new Article("id1", "Title ", a.outlet(), null, a.url(), a.author(),
                a.category(), a.body(), a.source(), List.of()))).isNotEqualTo(h);
        assertThat(ContentHash.of(a.withAlsoPublishedBy(List.of("AP (x)")))).isNotEqualTo(h);
        assertThat(ContentHash.of(new Article("id1", a.title(), a.outlet(), a.published(), a.url(), null,
                "Authorworld", a.body(), a.source(), List.of()))).isNotEqualTo(h);
    }
}
