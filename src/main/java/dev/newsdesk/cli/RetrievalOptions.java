package dev.newsdesk.cli;

import dev.newsdesk.retrieve.Retrieval;
import picocli.CommandLine.Option;

/**
 * How eval and bench retrieve: the same knobs as {@link Retrieval.Options}, so a figure names exactly the retriever
 * that ask and the bot run with those settings. Whether to plan differs by command (eval plans by default, bench
 * only with --plan), so it is the caller's argument.
 */
final class RetrievalOptions {
    @Option(names = "--mode", defaultValue = "bm25", description = "bm25, vector or hybrid (default ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--no-sentences", description = "Planned retrieval without the sentence-level list beside each part's passage list.")
    boolean noSentences;

    @Option(names = "--per-article", defaultValue = "" + Retrieval.MAX_PER_ARTICLE,
            description = "Most passages of one article in the top results (default ${DEFAULT-VALUE}).")
    int perArticle;

    @Option(names = "--dense-weight", defaultValue = "" + Retrieval.HYBRID_DENSE_WEIGHT,
            description = "Weight of the dense list in hybrid fusion (default ${DEFAULT-VALUE}).")
    double denseWeight;

    Retrieval.Mode mode() {
        return Retrieval.Mode.parse(mode);
    }

    Retrieval.Options options(boolean snippets, boolean plan) {
        return new Retrieval.Options(mode(), snippets, plan, !noSentences, perArticle, denseWeight);
    }
}
