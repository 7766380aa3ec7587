package dev.newsdesk.cli;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.newsdesk.coverage.CoverageSettings;
import dev.newsdesk.coverage.Grouper;
import dev.newsdesk.ingest.SentenceSplitter;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** Options of the coverage commands (summary, compare, timeline): how many passages, and which similarity. */
final class CoverageOptions {
    @Option(names = "--passages", paramLabel = "N", defaultValue = "120",
            description = "Passages retrieved for the topic, 1..1000 (default ${DEFAULT-VALUE}).")
    int passages;

    @Option(names = "--embeddings", description = "Group sentences with the in-process all-MiniLM-L6-v2 embedding model "
            + "as well as by shared words (slower; default: words only).")
    boolean embeddings;

    Grouper grouper(App app, PrintWriter err) {
        EmbeddingModel model = embeddings
                ? new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel() : null;
        return new Grouper(app.lexicon(err), new SentenceSplitter(), model, CoverageSettings.DEFAULTS.withPassages(passages));
    }
}
