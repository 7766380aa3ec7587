package dev.newsdesk.ingest;

import java.time.LocalDate;

/**
 * What a format reader found, before cleaning and defaults. Any field may be null.
 *
 * @param published the date as written in the source (parsed later by {@link Dates#parse})
 * @param textDate a date stated in the text itself, used only when {@code published} is absent
 * @param crawled when a crawler first saw the page (RealTime QA's {@code first_seen}): not a publication date, so
 *                it is used only when neither metadata, text nor the URL's path gives one
 */
record RawRecord(String id, String title, String outlet, String published, String url, String author,
                 String category, String body, LocalDate textDate, String crawled) {
    RawRecord(String id, String title, String outlet, String published, String url, String author,
              String category, String body, LocalDate textDate) {
        this(id, title, outlet, published, url, author, category, body, textDate, null);
    }
}
