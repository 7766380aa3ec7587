package dev.newsdesk.index.elastic;

import dev.newsdesk.config.NewsdeskConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where the cluster is and how to sign in. Hosts, index and CA path come from the config (overridable by
 * NEWSDESK_ELASTICSEARCH_* as every key); credentials come from the environment only, never from a file or the
 * command line.
 *
 * @param index the index name prefix: the passages, sentences and articles live in one index of that name
 * @param ca a PEM CA certificate for TLS, or null for the JDK's trust store
 */
public record ElasticSettings(List<URI> hosts, String index, Path ca, String apiKey, String user, String password) {
    public static final String API_KEY_ENV = "NEWSDESK_ELASTICSEARCH_API_KEY";
    public static final String USER_ENV = "NEWSDESK_ELASTICSEARCH_USER";
    public static final String PASSWORD_ENV = "NEWSDESK_ELASTICSEARCH_PASSWORD";

    public static ElasticSettings from(NewsdeskConfig config, Path home, Map<String, String> env) {
        String hosts = config.get("elasticsearch.hosts", "http://127.0.0.1:9200");
        List<URI> uris = Arrays.stream(hosts.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(h -> {
            try {
                URI u = URI.create(h);
                if (u.getScheme() == null || u.getHost() == null) throw new IllegalArgumentException();
                return u;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("elasticsearch.hosts entry '" + h + "' is not a URL; use e.g. http://127.0.0.1:9200");
            }
        }).toList();
        if (uris.isEmpty()) throw new IllegalArgumentException("elasticsearch.hosts is empty; set it to e.g. http://127.0.0.1:9200");
        String index = config.get("elasticsearch.index", "newsdesk").strip().toLowerCase(java.util.Locale.ROOT);
        String ca = config.get("elasticsearch.ca", "").strip();
        return new ElasticSettings(uris, index, ca.isEmpty() ? null : home.resolve(ca), blankToNull(env.get(API_KEY_ENV)),
                blankToNull(env.get(USER_ENV)), blankToNull(env.get(PASSWORD_ENV)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Never prints a credential. */
    @Override
    public String toString() {
        return "ElasticSettings[hosts=" + hosts + ", index=" + index + ", ca=" + ca + ", auth="
                + (apiKey != null ? "api key" : user != null ? "user " + user : "none") + "]";
    }
}
