package dev.newsdesk.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Checks shared by the formats: is this text at all, and how to quote a parser's message in one line. */
final class InputChecks {
    private static final int SNIFF_BYTES = 8192;
    /** Share of NULs or undecodable bytes above which a "text" file is taken to be binary (1 in 100). */
    private static final int MAX_BAD_CHAR_PERCENT = 1;

    private InputChecks() {
    }

    /** Strict-enough UTF-8: a few bad bytes are replaced (scrapes often have one), many mean it is not text. */
    static String decode(byte[] bytes) throws BadInputException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException("not valid UTF-8 text (binary?); remove it or convert it to UTF-8");
        }
        long bad = text.chars().filter(c -> c == 0 || c == 0xFFFD).count();
        if (bad * 100 > (long) text.length() * MAX_BAD_CHAR_PERCENT) {
            throw new BadInputException("not valid UTF-8 text (binary?); remove it or convert it to UTF-8");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static void checkNotBinary(byte[] bytes, int length) throws BadInputException {
        int nul = 0;
        for (int i = 0; i < length; i++) if (bytes[i] == 0) nul++;
        if (nul * 100L > (long) length * MAX_BAD_CHAR_PERCENT || (nul > 0 && length < 100)) {
            throw new BadInputException("not valid UTF-8 text (binary?); remove it or convert it to UTF-8");
        }
    }

    /**
     * Looks at the first bytes without consuming them: empty and binary files are rejected before parsing.
     * {@code in} must support mark and reset (as {@link CorpusFile#open} streams do).
     */
    static void sniff(InputStream in) throws IOException, BadInputException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        if (head.length == 0) throw new BadInputException("empty file; remove it or add article text");
        checkNotBinary(head, head.length);
    }

    static String firstLine(String s) {
        if (s == null) return "no detail";
        String line = s.lines().findFirst().orElse("").strip();
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
