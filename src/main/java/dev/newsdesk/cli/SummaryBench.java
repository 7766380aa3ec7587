package dev.newsdesk.cli;

import dev.newsdesk.coverage.CoverageSettings;
import dev.newsdesk.coverage.CoverageSummarizer;
import dev.newsdesk.coverage.Grouper;
import dev.newsdesk.coverage.Summary;
import dev.newsdesk.ingest.SentenceSplitter;
import dev.newsdesk.retrieve.Bm25Retriever;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.LuceneCatalog;
import dev.newsdesk.retrieve.LuceneIndex;
import dev.newsdesk.retrieve.LuceneLexicon;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SearchRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench summary}: times an offline (lexical) coverage summary over many passages. A retrieval returns at most
 * 1,000 hits, so the passages are the topic's top 1,000, then the other passages of those articles, then the top
 * hits of a few common words, until there are enough. Prints figures; nothing asserts on them.
 */
final class SummaryBench {
    private static final List<String> FILLERS = List.of("said", "people", "year", "new", "time", "state", "government",
            "week", "percent", "report", "city", "company");

    private SummaryBench() {}

    static void run(PrintWriter out, Path dir, String topic, int wanted) throws Exception {
        try (LuceneIndex idx = LuceneIndex.open(dir)) {
            Retriever r = new Bm25Retriever(idx, false);
            LuceneCatalog catalog = new LuceneCatalog(idx);
            long t0 = System.nanoTime();
            Map<String, Hit> hits = new LinkedHashMap<>();
            for (Hit h : r.search(new SearchRequest(topic, null, Math.min(1000, wanted)))) hits.putIfAbsent(h.passageId(), h);
            for (String article : hits.values().stream().map(Hit::articleId).distinct().toList()) {
                if (hits.size() >= wanted) break;
                for (Hit h : catalog.passagesOf(article)) hits.putIfAbsent(h.passageId(), h);
            }
            for (String word : FILLERS) {
                if (hits.size() >= wanted) break;
                for (Hit h : r.search(new SearchRequest(word, null, 1000))) hits.putIfAbsent(h.passageId(), h);
            }
            List<Hit> passages = new ArrayList<>(hits.values()).subList(0, Math.min(wanted, hits.size()));
            double gather = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "summary bench: %d passages for \u201c%s\u201d gathered in %.2f s (%d articles)%n",
                    passages.size(), topic, gather, passages.stream().map(Hit::articleId).distinct().count());

            CoverageSummarizer summarizer = new CoverageSummarizer(r, new Grouper(new LuceneLexicon(idx),
                    new SentenceSplitter(), null, CoverageSettings.DEFAULTS), null);
            int runs = 7;
            long[] ns = new long[runs];
            Summary last = null;
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                last = summarizer.summary(topic, passages);
                ns[i] = System.nanoTime() - s;
                if (i == 0) out.printf(Locale.ROOT, "first (cold) run: %.0f ms%n", ns[0] / 1e6);
            }
            long[] warm = Arrays.copyOfRange(ns, 2, runs);
            Arrays.sort(warm);
            out.printf(Locale.ROOT, "offline summary over %d passages: median %.0f ms, max %.0f ms (%d warm runs), %d points%n",
                    passages.size(), warm[warm.length / 2] / 1e6, warm[warm.length - 1] / 1e6, warm.length, last.points().size());
            out.println(last.answer().text());
        }
    }
}
