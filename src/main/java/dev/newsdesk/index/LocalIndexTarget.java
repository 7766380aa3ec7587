package dev.newsdesk.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@link IndexTarget} for the embedded Lucene index in a directory: one writer at a time (Lucene's write lock). */
public record LocalIndexTarget(Path indexDir) implements IndexTarget {
    @Override
    public String describe() {
        return "the index at " + indexDir;
    }

    @Override
    public IngestSink.Opener opener() {
        return model -> LuceneIngestSink.open(indexDir, model);
    }

    @Override
    public void requireWritable() throws IOException {
        HeldIndexWriter.requireNotHeld(indexDir);
    }

    @Override
    public Optional<String> embeddingModel() throws IOException {
        if (!exists(indexDir)) return Optional.empty();
        try (org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(indexDir)) {
            return Optional.of(IndexMetadata.read(dir).getOrDefault(ArticleFields.META_EMBEDDING, "none"));
        }
    }

    @Override
    public Held hold(PassageEmbedder embedder) throws IOException {
        return HeldIndexWriter.open(indexDir, embedder);
    }

    /** Whether a completed commit is in {@code dir} (a segments file). */
    public static boolean exists(Path dir) {
        try (var files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
        } catch (IOException e) {
            return false;
        }
    }
}
