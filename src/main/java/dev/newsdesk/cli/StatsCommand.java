package dev.newsdesk.cli;

import dev.newsdesk.retrieve.Catalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stats", description = "What the index holds: articles, passages, outlets, date range, size on disk.")
final class StatsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = common.out();
        try (App app = App.create(common)) {
            Catalog.Stats s = app.catalog(common.err()).stats();
            if (json) {
                // The backend is named so a script can tell which index it read; a cluster adds health and layout.
                var backend = app.backend(common.err());
                java.util.Map<String, Object> all = new java.util.LinkedHashMap<>();
                all.put("backend", backend.name());
                all.put("articles", s.articles());
                all.put("passages", s.passages());
                all.put("outlets", s.outlets());
                all.put("earliest", s.earliest());
                all.put("latest", s.latest());
                all.put("indexBytes", s.indexBytes());
                if (backend instanceof dev.newsdesk.index.elastic.ElasticBackend es) all.put("cluster", es.clusterInfo());
                out.println(Json.write(all));
                return 0;
            }
            out.printf("%d articles, %d passages, %d outlets, %s to %s, %s on disk (%s)%n", s.articles(), s.passages(),
                    s.outlets().size(), s.earliest(), s.latest(), size(s.indexBytes()),
                    app.elasticsearch() ? "Elasticsearch index " + app.elasticSettings().index() + " at " + app.elasticSettings().hosts() : app.indexDir);
            for (Catalog.OutletCount o : s.outlets().subList(0, Math.min(20, s.outlets().size()))) {
                out.printf("  %-40s %6d%n", o.outlet(), o.articles());
            }
            if (s.outlets().size() > 20) out.println("  ... " + (s.outlets().size() - 20) + " more (use --json for all)");
            return 0;
        }
    }

    /** KB below a megabyte: a small index must not read "0.0 MB", as if it were empty. */
    static String size(long bytes) {
        if (bytes < 1_000_000) return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1e3);
        if (bytes < 1_000_000_000) return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
        return String.format(java.util.Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
