package dev.newsdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.LocalDate;

/** The JSON writer for every --json output: ISO dates, stable field order (record component order). */
final class Json {
    private Json() {}

    static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new SimpleModule().addSerializer(LocalDate.class, ToStringSerializer.instance))
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    static String write(Object value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** One value on one line (JSONL). */
    static String writeLine(Object value) {
        try {
            return mapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
