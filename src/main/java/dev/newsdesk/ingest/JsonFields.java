package dev.newsdesk.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps one JSON object to a {@link RawRecord}, for {@link JsonFormat} and {@link JsonLinesFormat}. Field names follow the shared datasets: MultiHop-RAG (title, source,
 * published_at, url, body, author, category), BBC (id, category, title, body) and RealTime QA (url, title, text,
 * first_seen); common synonyms are accepted too. The outlet is never guessed from the file name. Stateless.
 *
 * <p>Types are checked, not coerced: a record whose title is the number 123 or whose URL is {@code false} is
 * refused naming the field, because indexing it as title "123" would put a wrong article in answers. Text fields
 * must be JSON strings; an id may also be an integer; an author may be a list of names; null means absent.
 */
final class JsonFields {
    /** The reason given for a JSON or JSON Lines file that holds no record at all. */
    static final String NO_RECORDS = "no records found; add JSON objects or remove the file";

    private JsonFields() {
    }

    /** @throws BadInputException naming the first field whose value has the wrong type */
    static RawRecord toRecord(JsonNode o) throws BadInputException {
        return new RawRecord(
                id(o, "id", "doc_id", "docid"),
                text(o, "title", "headline"),
                text(o, "source", "outlet", "publisher", "site_name"),
                text(o, "published_at", "published", "date", "publish_date"),
                text(o, "url", "link"),
                author(o, "author", "byline"),
                text(o, "category", "section"),
                text(o, "body", "text", "content"),
                null,
                text(o, "first_seen"));
    }

    /** The first of {@code names} that is present and not null, as text; blank counts as absent. */
    private static String text(JsonNode o, String... names) throws BadInputException {
        for (String n : names) {
            JsonNode v = o.get(n);
            if (v == null || v.isNull()) continue;
            if (!v.isTextual()) throw wrongType(n, v, "text (a JSON string)");
            if (!v.asText().isBlank()) return v.asText();
        }
        return null;
    }

    private static String id(JsonNode o, String... names) throws BadInputException {
        for (String n : names) {
            JsonNode v = o.get(n);
            if (v == null || v.isNull()) continue;
            if (!v.isTextual() && !v.isIntegralNumber()) throw wrongType(n, v, "a string or an integer");
            if (!v.asText().isBlank()) return v.asText();
        }
        return null;
    }

    /** Bylines are a string or, in many exports, a list of names: joined with ", ". */
    private static String author(JsonNode o, String... names) throws BadInputException {
        for (String n : names) {
            JsonNode v = o.get(n);
            if (v == null || v.isNull()) continue;
            if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                for (JsonNode e : v) {
                    if (!e.isTextual()) throw wrongType(n, v, "a string or a list of strings");
                    if (!e.asText().isBlank()) parts.add(e.asText().strip());
                }
                if (!parts.isEmpty()) return String.join(", ", parts);
                continue;
            }
            if (!v.isTextual()) throw wrongType(n, v, "a string or a list of strings");
            if (!v.asText().isBlank()) return v.asText();
        }
        return null;
    }

    private static BadInputException wrongType(String field, JsonNode v, String expected) {
        String shown = v.toString();
        if (shown.length() > 40) shown = shown.substring(0, 37) + "...";
        return new BadInputException("field \"" + field + "\" is " + kind(v) + " (" + shown + "), expected "
                + expected + "; record skipped, fix the field or remove the record");
    }

    private static String kind(JsonNode v) {
        if (v.isNumber()) return "a number";
        if (v.isBoolean()) return "a boolean";
        if (v.isArray()) return "a list";
        if (v.isObject()) return "an object";
        return "a " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
