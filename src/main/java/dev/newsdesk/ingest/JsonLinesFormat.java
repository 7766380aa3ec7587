package dev.newsdesk.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * {@code .jsonl} and {@code .ndjson}: one object per line, streamed line by line; a bad line is reported and the
 * next one read. Fields are mapped by {@link JsonFields}.
 */
final class JsonLinesFormat implements CorpusFormat {
    private static final Extensions EXTENSIONS = Extensions.of(".jsonl", "jsonl", "ndjson");
    /** A file with this many bad lines is almost certainly not JSON Lines; stop rather than report each line. */
    private static final int MAX_BAD_LINES = 100;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Extensions extensions() {
        return EXTENSIONS;
    }

    @Override
    public void read(CorpusFile file, Records records) throws IOException, BadInputException {
        // JSON escapes can take 6 chars per char of text (\u00e9), hence the generous line limit.
        int maxLine = (int) Math.min(Integer.MAX_VALUE - 8, file.limits().maxArticleChars() * 6 + 65_536);
        try (InputStream in = file.open()) {
            InputChecks.sniff(in);
            LineReader lines = new LineReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            StringBuilder line = new StringBuilder();
            long lineNo = 0;
            int index = 0;
            int bad = 0;
            while (lines.next(line, maxLine)) {
                lineNo++;
                if (lines.wasTooLong()) {
                    bad++;
                    records.fail("line " + lineNo + " is longer than " + maxLine
                            + " chars; split the record or raise maxArticleChars");
                    index++;
                    continue;
                }
                if (line.isEmpty() || line.toString().isBlank()) continue;
                try {
                    JsonNode node = mapper.readTree(line.toString());
                    if (node == null || !node.isObject()) {
                        bad++;
                        records.fail("line " + lineNo + " is not a JSON object; JSON Lines needs one {...} per line");
                    } else {
                        records.add(JsonFields.toRecord(node), index, "line " + lineNo + ": ");
                    }
                } catch (BadInputException e) {
                    records.fail("line " + lineNo + ": " + e.getMessage()); // a wrong type, not a broken file
                } catch (JsonProcessingException e) {
                    bad++;
                    JsonLocation at = e.getLocation();
                    records.fail("malformed JSON on line " + lineNo + (at == null ? "" : ", column " + at.getColumnNr())
                            + " (" + InputChecks.firstLine(e.getOriginalMessage()) + "); fix or remove that line");
                }
                index++;
                if (bad >= MAX_BAD_LINES) {
                    records.fail("stopped after " + bad + " bad lines (last: line " + lineNo
                            + "); check that this is JSON Lines, one object per line");
                    break;
                }
            }
            if (records.seen() == 0) throw new BadInputException(JsonFields.NO_RECORDS);
        }
    }
}
