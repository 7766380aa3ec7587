package dev.newsdesk.cli;

import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.SearchRequest;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", description = "Ranked passages for a query, with scores, article metadata and highlighted snippets.")
final class SearchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    FilterOptions filters;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "Words to search for.")
    List<String> words;

    @Option(names = "--limit", defaultValue = "10", description = "Number of passages (1-1000, default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--mode", paramLabel = "MODE", description = "bm25, vector, hybrid or auto (default: retrieval.mode from config, auto).")
    String mode;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    record Output(String query, List<Hit> hits) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = common.out();
        PrintWriter err = common.err();
        String query = String.join(" ", words);
        SearchRequest request;
        try {
            request = new SearchRequest(query, filters.toFilters(), limit);
        } catch (IllegalArgumentException e) {
            // a usage error (--limit out of range, --since after --until): exit 2 like picocli's own
            err.println("newsdesk: " + e.getMessage());
            return 2;
        }
        try (App app = App.create(common)) {
            app.requireIndexedOutlets("--outlet", request.filters().outlets(), err);
            List<Hit> hits = app.retriever(err, true, mode != null ? mode : app.config.get("retrieval.mode", "auto")).search(request);
            if (json) {
                out.println(Json.write(new Output(query, hits)));
                return 0;
            }
            if (hits.isEmpty()) {
                out.println("No passages match \"" + query + "\"" + (filters.toFilters().isEmpty() ? "." : " with these filters; try without --outlet/--since/--until."));
                return 0;
            }
            int rank = 1;
            for (Hit h : hits) {
                out.printf(Locale.ROOT, "%2d. %.3f  %s — %s (%s)  [%s]%n", rank++, h.score(), h.outlet(), h.title(),
                        h.published() == null ? "undated" : h.published(), h.passageId());
                if (h.url() != null) out.println("    " + h.url());
                out.println("    " + h.snippet().replaceAll("\\s+", " "));
            }
            return 0;
        }
    }
}
