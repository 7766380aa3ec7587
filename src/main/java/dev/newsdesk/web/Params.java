package dev.newsdesk.web;

import dev.newsdesk.retrieve.Filters;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** Query parameters shared by the ask page and the API: q, outlet (repeatable or comma-separated), since, until. */
final class Params {
    private Params() {}

    static String query(Context ctx) {
        String q = ctx.queryParam("q");
        return q == null ? "" : q.strip();
    }

    static Filters filters(Context ctx) {
        List<String> outlets = ctx.queryParams("outlet").stream().flatMap(o -> Arrays.stream(o.split(",")))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        try {
            return new Filters(outlets, date(ctx, "since"), date(ctx, "until"));
        } catch (IllegalArgumentException e) {
            throw new WebServer.BadRequest(e.getMessage().replace("--", ""));
        }
    }

    static LocalDate date(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new WebServer.BadRequest(name + "=" + v.strip() + " is not a date; use YYYY-MM-DD, e.g. 2024-04-17");
        }
    }

    static int limit(Context ctx, int fallback) {
        String v = ctx.queryParam("limit");
        if (v == null || v.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 1 || n > 100) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new WebServer.BadRequest("limit=" + v.strip() + " is not between 1 and 100");
        }
    }

    /** The client a rate limit counts: the connection's address (no proxy headers are trusted). */
    static String client(Context ctx) {
        return ctx.ip();
    }
}
