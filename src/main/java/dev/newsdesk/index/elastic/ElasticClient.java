package dev.newsdesk.index.elastic;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdesk.retrieve.IndexUnavailableException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The cluster's REST API as JSON in, JSON out, over the engine's own low-level client (which spreads requests over
 * the hosts and skips dead nodes). Every failure becomes one sentence naming the cluster and what to do
 * ({@link IndexUnavailableException}), so no command shows a stack trace. Thread-safe.
 */
public final class ElasticClient implements Closeable {
    private final Rest5Client client;
    private final ElasticSettings settings;
    private final ObjectMapper json = new ObjectMapper();

    public ElasticClient(ElasticSettings settings) {
        this.settings = settings;
        var b = Rest5Client.builder(settings.hosts());
        if (settings.apiKey() != null) {
            b.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + settings.apiKey())});
        } else if (settings.user() != null) {
            String basic = Base64.getEncoder().encodeToString((settings.user() + ":" + (settings.password() == null ? "" : settings.password()))
                    .getBytes(StandardCharsets.UTF_8));
            b.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "Basic " + basic)});
        }
        if (settings.ca() != null) b.setSSLContext(sslContext());
        this.client = b.build();
    }

    public ElasticSettings settings() {
        return settings;
    }

    public ObjectMapper mapper() {
        return json;
    }

    private SSLContext sslContext() {
        try (InputStream in = Files.newInputStream(settings.ca())) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) ks.setCertificateEntry("ca" + i++, cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IndexUnavailableException("cannot read the Elasticsearch CA certificate '" + settings.ca() + "' ("
                    + e.getMessage() + "); set elasticsearch.ca to a PEM file, or leave it empty for the JDK's trust store", e);
        }
    }

    /** A request whose failure (any status >= 400) is reported as one sentence. */
    public JsonNode call(String method, String endpoint, Object body) {
        try {
            return callOrThrow(method, endpoint, body);
        } catch (ResponseException e) {
            throw unavailable(e);
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /**
     * A read that answering questions depends on, retried once after a pause when it fails the way a node that
     * stops mid-request makes it fail: the node gone, a 5xx (a shard lost, with partial results refused), or a 404
     * (a closing node forgets the cluster state first). The client sends the retry to another host, and by then
     * the replicas have taken over. A refused key or a bad request fails at once.
     */
    public JsonNode read(String method, String endpoint, Object body) {
        try {
            return callOrThrow(method, endpoint, body);
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusCode();
            if (status != 404 && status < 500) throw unavailable(e);
        } catch (IOException e) {
            // the node went away: retried below
        }
        try {
            Thread.sleep(RETRY_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexUnavailableException("interrupted while waiting to retry a request to Elasticsearch at " + settings.hosts(), e);
        }
        return call(method, endpoint, body);
    }

    /** Long enough for the master to promote a lost primary's replica (well under a second on a healthy cluster). */
    private static final long RETRY_PAUSE_MS = 500;

    /** Like {@link #call} but returns null on 404 (a missing document or index). */
    public JsonNode callOrNull(String method, String endpoint, Object body) {
        try {
            return callOrThrow(method, endpoint, body);
        } catch (ResponseException e) {
            if (e.getResponse().getStatusCode() == 404) return null;
            throw unavailable(e);
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /** The raw call: status >= 400 throws {@link ResponseException}, a transport failure an IOException. */
    public JsonNode callOrThrow(String method, String endpoint, Object body) throws IOException {
        Request r = new Request(method, endpoint);
        if (body instanceof String s) r.setEntity(new StringEntity(s, ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
        else if (body != null) r.setJsonEntity(json.writeValueAsString(body));
        Response resp;
        try {
            resp = client.performRequest(r);
        } catch (RuntimeException e) {
            // The client wraps what is not an I/O error (a reply that is not HTTP, e.g. from a transport port) as a
            // bare "error while performing request": name the likely cause, so the user sentence says what to fix.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("no HTTP reply from Elasticsearch (" + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage()) + "); is elasticsearch.hosts the nodes' HTTP port (9200 by default), not the transport port?", e);
        }
        // The rest5 client hands back error replies (404, 400, 401, 429...) as responses, unlike the old low-level
        // client: without this every failed PUT, missing index and refused key looked like success.
        if (resp.getStatusCode() >= 400) throw new ResponseException(resp);
        if (resp.getEntity() == null) return json.createObjectNode();
        try {
            String text = EntityUtils.toString(resp.getEntity(), StandardCharsets.UTF_8);
            return text.isEmpty() ? json.createObjectNode() : json.readTree(text);
        } catch (org.apache.hc.core5.http.ParseException e) {
            throw new IOException("unreadable response from " + resp.getHost(), e);
        }
    }

    /** One sentence for the user: what is wrong with the cluster and what to do. */
    public IndexUnavailableException unavailable(Exception e) {
        String where = "Elasticsearch at " + settings.hosts();
        if (e instanceof ResponseException re) {
            int status = re.getResponse().getStatusCode();
            if (status == 401 || status == 403) {
                return new IndexUnavailableException(where + " refused the credentials (HTTP " + status + "); set "
                        + ElasticSettings.API_KEY_ENV + " (or " + ElasticSettings.USER_ENV + " and " + ElasticSettings.PASSWORD_ENV
                        + ") to a key that may read and write index '" + settings.index() + "'", e);
            }
            if (status == 404) {
                return new IndexUnavailableException(where + " has no index '" + settings.index() + "'; run newsdesk ingest "
                        + "with index.backend=elasticsearch to create it, or set elasticsearch.index", e);
            }
            return new IndexUnavailableException(where + " answered HTTP " + status + " (" + reason(re) + "); check the "
                    + "cluster's health (GET /_cluster/health) and try again", e);
        }
        return new IndexUnavailableException(where + " is unreachable (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + "); start it (scripts/es-cluster start) or set elasticsearch.hosts / NEWSDESK_ELASTICSEARCH_HOSTS", e);
    }

    private String reason(ResponseException e) {
        try {
            JsonNode n = json.readTree(EntityUtils.toString(e.getResponse().getEntity(), StandardCharsets.UTF_8));
            String r = n.path("error").path("reason").asText("");
            return r.isEmpty() ? "no reason given" : r;
        } catch (Exception ignored) {
            return "no reason given";
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
