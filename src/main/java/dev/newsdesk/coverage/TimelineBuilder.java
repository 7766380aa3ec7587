package dev.newsdesk.coverage;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Mentions;
import dev.newsdesk.retrieve.Filters;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SearchRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The dated events of a story: groups of sentences reporting the same thing (as for summaries), each dated from its
 * text relative to the article's publication date ({@link DateResolver}), else by the earliest publication date and
 * marked so, then shown in date order. Events with a date stated in the text are preferred over undated ones.
 * Offline (verbatim sentences). Thread-safe when its collaborators are.
 */
public final class TimelineBuilder {
    /** Most events in a timeline. */
    public static final int MAX_EVENTS = 10;

    private final Retriever retriever;
    private final Grouper grouper;
    private final DateResolver dates = new DateResolver();

    public TimelineBuilder(Retriever retriever, Grouper grouper) {
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.grouper = Objects.requireNonNull(grouper, "grouper");
    }

    public Answer timeline(String topic, Filters filters) {
        return build(topic, filters).answer();
    }

    public Timeline build(String topic, Filters filters) {
        CoverageSummarizer.requireTopic(topic);
        List<Hit> hits = retriever.search(new SearchRequest(topic, filters, grouper.settings().passages()));
        List<SentenceGroup> groups = grouper.group(topic, hits);
        double top = groups.stream().mapToDouble(SentenceGroup::relevance).max().orElse(0);
        List<Dated> candidates = new ArrayList<>();
        for (SentenceGroup g : groups) {
            if (g.relevance() < Selection.MIN_RELATIVE_RELEVANCE * top) continue;
            candidates.add(date(g));
        }
        // stated dates first, then the widest-reported and most relevant
        candidates.sort(Comparator.comparing((Dated d) -> d.date() == null)
                .thenComparing(Comparator.comparingInt((Dated d) -> d.group().articles().size()).reversed())
                .thenComparing(Comparator.comparingDouble((Dated d) -> d.group().relevance()).reversed())
                .thenComparing(d -> d.sentence().key()));
        List<Dated> chosen = new ArrayList<>();
        List<SentenceGroup> used = new ArrayList<>();
        for (Dated d : candidates) {
            if (chosen.size() >= MAX_EVENTS) break;
            if (d.sentence().published() == null && d.date() == null) continue;
            if (Selection.duplicate(d.group(), used)) continue;
            chosen.add(d);
            used.add(d.group());
        }
        if (chosen.isEmpty()) {
            String text = "Nothing in the coverage matches \u201c" + topic.strip() + "\u201d with a date.";
            return new Timeline(topic, new Answer(topic, text, true, List.of(), CoverageSummarizer.EXTRACTIVE, null,
                    List.of()), List.of());
        }
        CitationList citations = new CitationList();
        List<Timeline.Event> events = new ArrayList<>();
        chosen.sort(Comparator.comparing((Dated d) -> eventDate(d), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(d -> d.date() == null)
                .thenComparing(d -> d.sentence().key()));
        StringBuilder text = new StringBuilder("Timeline of \u201c").append(topic.strip()).append("\u201d as the coverage reports it:");
        for (Dated d : chosen) {
            List<CoverageSentence> cite = new ArrayList<>();
            cite.add(d.sentence());
            for (String article : d.group().articles()) {
                CoverageSentence s = d.group().centralOf(article, false);
                if (!cite.contains(s) && !s.articleId().equals(d.sentence().articleId())) cite.add(s);
            }
            List<Integer> numbers = new ArrayList<>();
            citations.markers(cite, numbers);
            boolean stated = d.date() != null;
            Timeline.Event e = new Timeline.Event(eventDate(d), stated ? Timeline.DateSource.TEXT : Timeline.DateSource.PUBLICATION,
                    stated ? d.date().expression() : null, stated && d.date().approximate(), d.sentence().text(),
                    List.copyOf(d.group().outlets()), numbers);
            events.add(e);
            text.append('\n').append(e.date()).append(stated && e.approximate() ? " (approx., \u201c" + e.expression() + "\u201d)"
                            : stated ? " (\u201c" + e.expression() + "\u201d)" : " (date: publication)")
                    .append(": ").append(e.text()).append(' ').append(CitationList.markers(numbers));
        }
        Answer answer = new Answer(topic, Mentions.neutralise(text.toString()), false, citations.all(),
                CoverageSummarizer.EXTRACTIVE, null, List.of());
        return new Timeline(topic, answer, events);
    }

    /** A group with the sentence shown for it and the date it states (null: undated, use publication). */
    private record Dated(SentenceGroup group, CoverageSentence sentence, DateResolver.Resolved date) {}

    /**
     * The group's date: the date most of its members state (earliest on a tie), shown with the most central member
     * that states it; when none states a date, its most central member and no date.
     */
    private Dated date(SentenceGroup g) {
        Map<LocalDate, List<CoverageSentence>> byDate = new LinkedHashMap<>();
        Map<CoverageSentence, DateResolver.Resolved> resolved = new LinkedHashMap<>();
        for (CoverageSentence s : g.members()) {
            Optional<DateResolver.Resolved> r = dates.resolve(s.text(), s.published());
            if (r.isEmpty()) continue;
            resolved.put(s, r.get());
            byDate.computeIfAbsent(r.get().date(), k -> new ArrayList<>()).add(s);
        }
        if (byDate.isEmpty()) return new Dated(g, g.central(), null);
        LocalDate best = byDate.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<LocalDate, List<CoverageSentence>> e) -> e.getValue().size()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .findFirst().orElseThrow().getKey();
        List<CoverageSentence> stating = byDate.get(best);
        CoverageSentence central = g.central();
        CoverageSentence shown = stating.contains(central) ? central : stating.getFirst();
        return new Dated(g, shown, resolved.get(shown));
    }

    private static LocalDate eventDate(Dated d) {
        if (d.date() != null) return d.date().date();
        return d.group().earliest();
    }
}
