package dev.newsdesk.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads MultiHop-RAG's {@code corpus.json} and builds the text the benchmark scores for each chunk.
 *
 * <p>The benchmark ({@code simple_retrieval.py}) loads each article as a LlamaIndex {@code Document} with metadata
 * {@code {"title", "published_at", "source"}} in that order ({@code util.JSONReader}), splits it with
 * {@code SentenceSplitter}, and stores {@code node.get_content(metadata_mode=MetadataMode.LLM)} as the retrieved
 * text. With LlamaIndex's default templates ({@code "{key}: {value}"} joined by {@code "\n"}, then
 * {@code "{metadata_str}\n\n{content}"}) that is:
 * <pre>
 * title: &lt;title&gt;
 * published_at: &lt;published_at as in the file&gt;
 * source: &lt;source&gt;
 *
 * &lt;chunk text&gt;
 * </pre>
 * An indexer may store {@link Article#header()} per article so the evaluation can score exactly this text.
 */
public final class MultiHopCorpus {
    private MultiHopCorpus() {
    }

    /** One corpus record as in the file; {@code author} may be null (64 of the 609 articles). */
    public record Article(String title, String author, String source, String publishedAt, String category, String url,
                          String body) {
        public Article {
            Objects.requireNonNull(body, "body");
        }

        /** The benchmark's metadata header for chunks of this article (no trailing blank line). */
        public String header() {
            return MultiHopCorpus.header(title, publishedAt, source);
        }

        /** The text the benchmark scores for a chunk of this article: header, blank line, chunk. */
        public String benchmarkText(String chunk) {
            return header() + "\n\n" + chunk;
        }
    }

    /** {@code "title: T\npublished_at: P\nsource: S"}, the LlamaIndex LLM metadata string of the benchmark's nodes. */
    public static String header(String title, String publishedAt, String source) {
        return "title: " + title + "\npublished_at: " + publishedAt + "\nsource: " + source;
    }

    /** Reads corpus.json in file order. */
    public static List<Article> load(Path file) {
        JsonNode root = JsonArrayFile.read(file, "MultiHop-RAG corpus", "articles", "../shared/datasets/multihop-rag/corpus.json");
        List<Article> articles = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            JsonNode a = root.get(i);
            if (!a.hasNonNull("body")) throw new IllegalArgumentException(file + " article #" + i + " has no body");
            articles.add(new Article(text(a, "title"), text(a, "author"), text(a, "source"), text(a, "published_at"),
                    text(a, "category"), text(a, "url"), text(a, "body")));
        }
        return List.copyOf(articles);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
