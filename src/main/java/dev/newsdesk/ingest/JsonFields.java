package dev.newsdesk.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Maps one JSON object to a {@link RawRecord}, for {@link JsonFormat} and {@link JsonLinesFormat}. Field names follow the shared datasets: MultiHop-RAG (title, source,
 * published_at, url, body, author, category), BBC (id, category, title, body) and RealTime QA (url, title, text,
 * first_seen); common synonyms are accepted too. The outlet is never guessed from the file name. Stateless.
 */
final class JsonFields {
    /** The reason given for a JSON or JSON Lines file that holds no record at all. */
    static final String NO_RECORDS = "no records found; add JSON objects or remove the file";

    private JsonFields() {
    }

    static RawRecord toRecord(JsonNode o) {
        return new RawRecord(
                text(o, "id", "doc_id", "docid"),
                text(o, "title", "headline"),
                text(o, "source", "outlet", "publisher", "site_name"),
                text(o, "published_at", "published", "date", "publish_date", "first_seen"),
                text(o, "url", "link"),
                text(o, "author", "byline"),
                text(o, "category", "section"),
                text(o, "body", "text", "content"),
                null);
    }

    /** The first of {@code names} that holds a non-blank scalar; numbers become their decimal text. */
    private static String text(JsonNode o, String... names) {
        for (String n : names) {
            JsonNode v = o.get(n);
            if (v != null && v.isValueNode() && !v.isNull()) {
                String s = v.asText();
                if (!s.isBlank()) return s;
            }
        }
        return null;
    }
}
