package dev.newsdesk.retrieve;

/**
 * @param query free text as the user typed it
 * @param limit number of hits wanted, 1..1000
 */
public record SearchRequest(String query, Filters filters, int limit) {
    public SearchRequest {
        if (query == null) query = "";
        if (filters == null) filters = Filters.NONE;
        if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit " + limit + " is outside 1..1000");
    }
}
