package dev.newsdesk.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code .json}: one object, an array of objects, or objects one after another, streamed record by record, so a
 * 200 MB file needs memory for one record only. Fields are mapped by {@link JsonFields}.
 */
final class JsonFormat implements CorpusFormat {
    private static final Extensions EXTENSIONS = Extensions.of(".json", "json");

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Extensions extensions() {
        return EXTENSIONS;
    }

    @Override
    public void read(CorpusFile file, Records records) throws IOException, BadInputException {
        try (InputStream in = file.open()) {
            InputChecks.sniff(in);
            try (JsonParser p = mapper.createParser(in)) {
                int index = 0;
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t == JsonToken.START_ARRAY) {
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (t == null) break; // Jackson reports the unclosed array itself
                            value(p, t, index++, records);
                        }
                    } else {
                        value(p, t, index++, records);
                    }
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                throw new BadInputException("malformed JSON at line " + (at == null ? "?" : at.getLineNr())
                        + ", column " + (at == null ? "?" : at.getColumnNr()) + " ("
                        + InputChecks.firstLine(e.getOriginalMessage())
                        + "); records before it were read; fix the file from that point");
            }
            if (records.seen() == 0) throw new BadInputException(JsonFields.NO_RECORDS);
        }
    }

    private void value(JsonParser p, JsonToken t, int index, Records records) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            JsonNode node = mapper.readTree(p);
            try {
                records.add(JsonFields.toRecord(node), index);
            } catch (BadInputException e) {
                records.fail("record #" + index + ": " + e.getMessage());
            }
        } else {
            p.skipChildren();
            records.fail("record #" + index + " is " + t.asString() + ", not a JSON object; remove it or wrap it as {\"body\": ...}");
        }
    }
}
