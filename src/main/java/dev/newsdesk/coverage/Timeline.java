package dev.newsdesk.coverage;

import dev.newsdesk.answer.Answer;
import java.time.LocalDate;
import java.util.List;

/** The dated events of a story in date order, as the coverage reports them. */
public record Timeline(String topic, Answer answer, List<Event> events) {
    public Timeline {
        events = List.copyOf(events);
    }

    /** Where an event's date came from. */
    public enum DateSource { TEXT, PUBLICATION }

    /**
     * @param expression the words the date was resolved from ("on Tuesday"), or null for a publication date
     * @param approximate true for "last week", "over the weekend" and the like
     */
    public record Event(LocalDate date, DateSource dateSource, String expression, boolean approximate, String text,
                        List<String> outlets, List<Integer> cited) {
        public Event {
            outlets = List.copyOf(outlets);
            cited = List.copyOf(cited);
        }
    }
}
