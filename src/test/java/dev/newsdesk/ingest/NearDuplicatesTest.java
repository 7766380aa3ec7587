package dev.newsdesk.ingest;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class NearDuplicatesTest {
    private static Article art(String id, String outlet, LocalDate date, String body) {
        return new Article(id, "title " + id, outlet, date, null, null, null, body, id, null);
    }

    private static String text(long seed, int words) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) sb.append("w").append(r.nextInt(5000)).append(i % 12 == 11 ? ". " : " ");
        return sb.toString().strip();
    }

    @Test
    void republishedCopyIsFoldedIntoTheEarliest() {
        String story = text(1, 400);
        // the wire copy has a different intro line and a credit at the end: still far above 0.8 similar
        Article wire = art("wire-1", "AP", LocalDate.of(2024, 4, 16), story);
        Article copy = art("paper-7", "Daily Paper", LocalDate.of(2024, 4, 17),
                "By staff and wire reports. " + story.replace("w1 ", "W1 ") + " Copyright 2024.");
        Article exact = art("blog-2", "Blog", null, story.toUpperCase());
        Article other = art("other", "Other", LocalDate.of(2024, 4, 15), text(2, 400));

        List<Article> folded = new NearDuplicates().fold(List.of(copy, other, exact, wire));

        assertThat(folded).extracting(Article::id).containsExactly("other", "wire-1");
        Article canonical = folded.get(1);
        assertThat(canonical.alsoPublishedBy()).containsExactly("Daily Paper (paper-7)", "Blog (blog-2)");
        assertThat(folded.get(0).alsoPublishedBy()).isEmpty();
    }

    @Test
    void differentStoriesAndModeratelySimilarOnesAreKept() {
        String base = text(3, 300);
        String[] words = base.split(" ");
        // change every third word: about half the 5-gram shingles differ
        StringBuilder half = new StringBuilder();
        for (int i = 0; i < words.length; i++) half.append(i % 3 == 0 ? "z" + i : words[i]).append(' ');
        List<Article> in = List.of(art("a", "A", null, base), art("b", "B", null, half.toString()),
                art("c", "C", null, text(4, 300)));
        assertThat(new NearDuplicates().fold(in)).extracting(Article::id).containsExactly("a", "b", "c");
    }

    @Test
    void tiesGoToTheSmallestIdAndResultIsDeterministic() {
        String story = text(5, 200);
        List<Article> in = new ArrayList<>();
        for (String id : List.of("z", "m", "b")) in.add(art(id, "O" + id, LocalDate.of(2024, 1, 1), story));
        List<Article> once = new NearDuplicates().fold(in);
        assertThat(once).extracting(Article::id).containsExactly("b");
        assertThat(once.getFirst().alsoPublishedBy()).containsExactly("Om (m)", "Oz (z)");
        assertThat(new NearDuplicates().fold(in.reversed())).isEqualTo(once);
    }

    @Test
    void manyArticlesFoldQuickly() {
        List<Article> in = new ArrayList<>();
        for (int i = 0; i < 3000; i++) in.add(art("d" + i, "O", null, text(100 + i, 200)));
        in.add(art("zcopy", "C", null, text(100 + 17, 200)));
        List<Article> out = new NearDuplicates().fold(in);
        assertThat(out).hasSize(3000);
        assertThat(out.get(17).alsoPublishedBy()).containsExactly("C (zcopy)");
    }
}
