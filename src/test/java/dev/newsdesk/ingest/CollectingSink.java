package dev.newsdesk.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test sink that keeps everything it is given, in order. */
final class CollectingSink implements ArticleSink {
    record Failure(Path path, String reason) {
    }

    final List<Article> articles = new ArrayList<>();
    final List<Failure> failures = new ArrayList<>();
    final List<String> events = new ArrayList<>();

    @Override
    public void article(Article a) {
        articles.add(a);
        events.add("article " + a.id());
    }

    @Override
    public void failure(Path path, String reason) {
        failures.add(new Failure(path, reason));
        events.add("failure " + path.getFileName() + ": " + reason);
    }

    static CollectingSink read(CorpusReader reader, Path... roots) {
        CollectingSink sink = new CollectingSink();
        reader.read(List.of(roots), sink);
        return sink;
    }

    Article only() {
        if (articles.size() != 1) throw new AssertionError("expected one article, got " + events);
        return articles.getFirst();
    }
}
