package dev.newsdesk.coverage;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.ModelFailure;
import dev.newsdesk.answer.ReplyClassifier;
import dev.newsdesk.answer.Citation;
import dev.newsdesk.answer.CitationChecker;
import dev.newsdesk.answer.Mentions;
import dev.newsdesk.answer.PromptLibrary;
import dev.newsdesk.retrieve.Filters;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SearchRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares how outlets covered a topic: per outlet, its best sentences on the topic; what the other compared
 * outlets reported that it did not (groups of sentences it has no member in); and where outlets disagree within
 * one group of sentences reporting the same event: a count with the same unit and a different value ("300 drones"
 * vs "350 drones"), a quotation printed with different words, or the same words attributed to different people.
 * Every item cites its sentences, verbatim. With a chat model ({@link CoverageSummarizer.Writer}), the model also
 * writes a short overview from the comparison's cited sentences ({@code prompts/compare.txt}), checked by
 * {@link CitationChecker} like any written answer and shown above the quoted comparison; when the model fails or too
 * little of its overview is supported, the comparison is shown without it, with a note. Thread-safe when its
 * collaborators are.
 */
public final class CoverageComparer {
    /** Outlets compared when none are named: those with the most matching passages. */
    public static final int DEFAULT_OUTLETS = 4;
    static final int REPORTED_PER_OUTLET = 3;
    static final int MISSING_PER_OUTLET = 3;

    /** Most of the comparison's citations given to a chat model for its overview. */
    static final int OVERVIEW_SOURCES = 12;
    /** Shown before the model's checked overview. */
    public static final String OVERVIEW_PREFIX = "In brief: ";

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    private final Retriever retriever;
    private final Grouper grouper;
    private final CoverageSummarizer.Writer writer;

    /** Offline: verbatim, cited items only. */
    public CoverageComparer(Retriever retriever, Grouper grouper) {
        this(retriever, grouper, null);
    }

    /** @param writer a chat model that writes a checked overview, or null for offline comparisons */
    public CoverageComparer(Retriever retriever, Grouper grouper, CoverageSummarizer.Writer writer) {
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.grouper = Objects.requireNonNull(grouper, "grouper");
        this.writer = writer;
    }

    /** The comparison as an answer (for the bot's /compare). */
    public Answer compare(String topic, List<String> outlets, Filters filters) {
        return comparison(topic, outlets, filters).answer();
    }

    /**
     * @param outlets outlets to compare (matched case-insensitively), or empty for the ones with most coverage
     * @param filters date limits (its outlet list, if any, is used when {@code outlets} is empty)
     */
    public Comparison comparison(String topic, List<String> outlets, Filters filters) {
        CoverageSummarizer.requireTopic(topic);
        Filters f = filters == null ? Filters.NONE : filters;
        List<String> named = new ArrayList<>(outlets == null || outlets.isEmpty() ? f.outlets() : outlets);
        int limit = grouper.settings().passages();
        Map<String, Hit> hits = new LinkedHashMap<>();
        if (named.isEmpty()) {
            for (Hit h : retriever.search(new SearchRequest(topic, new Filters(List.of(), f.since(), f.until()), limit))) {
                hits.putIfAbsent(h.passageId(), h);
            }
        } else {
            // one retrieval per outlet, so a small outlet's coverage is not crowded out by a large one's
            int each = Math.max(20, limit / named.size());
            for (String o : named) {
                for (Hit h : retriever.search(new SearchRequest(topic, new Filters(List.of(o), f.since(), f.until()), each))) {
                    hits.putIfAbsent(h.passageId(), h);
                }
            }
        }
        List<String> compared = named.isEmpty() ? topOutlets(hits.values()) : canonical(named, hits.values());
        List<Hit> kept = hits.values().stream().filter(h -> contains(compared, h.outlet())).toList();
        List<SentenceGroup> groups = grouper.group(topic, kept);
        if (groups.isEmpty()) {
            String text = "Nothing in the coverage matches \u201c" + topic.strip() + "\u201d"
                    + (named.isEmpty() ? "." : " in " + String.join(", ", named) + ".");
            return new Comparison(topic, new Answer(topic, text, true, List.of(), CoverageSummarizer.EXTRACTIVE, null,
                    List.of()), List.of(), List.of());
        }
        double top = groups.stream().mapToDouble(SentenceGroup::relevance).max().orElse(0);
        List<SentenceGroup> onTopic = groups.stream()
                .filter(g -> g.relevance() >= Selection.MIN_RELATIVE_RELEVANCE * top).toList();

        CitationList citations = new CitationList();
        List<Comparison.OutletSection> sections = new ArrayList<>();
        for (String outlet : compared) sections.add(section(outlet, onTopic, citations));
        List<Comparison.Disagreement> disagreements = Disagreements.find(groups, citations);
        String text = render(topic, sections, disagreements);
        List<String> silent = sections.stream().filter(x -> x.reported().isEmpty()).map(Comparison.OutletSection::outlet).toList();
        String note = silent.isEmpty() ? null : "No coverage from " + String.join(", ", silent) + " matches this topic.";
        String answerer = CoverageSummarizer.EXTRACTIVE;
        List<Answer.SentenceCheck> checks = new ArrayList<>();
        if (writer != null) {
            String overview = overview(topic, citations.all(), checks);
            if (overview != null) {
                text = OVERVIEW_PREFIX + overview + "\n\n" + text;
                answerer = writer.providerName();
            } else {
                checks.clear();
                String failed = "The chat model (" + writer.providerName() + ") could not write an overview its sources "
                        + "support; showing the quoted comparison.";
                note = note == null ? failed : failed + " " + note;
            }
        }
        Answer answer = new Answer(topic, Mentions.neutralise(text), false, citations.all(), answerer, note, checks);
        return new Comparison(topic, answer, sections, disagreements);
    }

    /**
     * The model's overview of the comparison, checked, with markers in the comparison's numbering; null when the model
     * fails, abstains, or fewer than half of its sentences (or none) are supported by the sentences they cite.
     */
    private String overview(String topic, List<Citation> all, List<Answer.SentenceCheck> checks) {
        List<Citation> given = all.subList(0, Math.min(OVERVIEW_SOURCES, all.size()));
        List<Hit> sources = given.stream().map(c -> new Hit(c.passageId(), c.articleId(), 0, c.start(), c.end(), c.quote(),
                c.title(), c.outlet(), c.published(), c.url(), 1.0, null)).toList();
        try {
            String reply = writer.reply(PromptLibrary.Name.COMPARE, topic, sources);
            if (ReplyClassifier.DEFAULT.classify(reply, null) == ReplyClassifier.Verdict.ABSTENTION) return null;
            CitationChecker.Result result = writer.checker().check(reply.strip(), sources);
            if (result.supported() == 0 || result.supported() * 2 < result.total() || result.text().isBlank()) return null;
            // the checker numbers its citations 1..m in order of use; map them back to the comparison's numbers
            Map<Integer, Integer> global = new HashMap<>();
            for (Citation c : result.citations()) {
                Citation original = given.stream().filter(g -> g.articleId().equals(c.articleId()) && g.start() == c.start())
                        .findFirst().orElseThrow();
                global.put(c.n(), original.n());
            }
            Matcher m = MARKER.matcher(result.text());
            StringBuilder mapped = new StringBuilder();
            while (m.find()) m.appendReplacement(mapped, "[" + global.get(Integer.parseInt(m.group(1))) + "]");
            m.appendTail(mapped);
            for (Answer.SentenceCheck check : result.sentences()) {
                checks.add(check.renumbered(global));
            }
            return mapped.toString();
        } catch (ModelFailure e) {
            writer.caller().logFailure(e, "showing the quoted comparison");
            return null;
        }
    }

    private Comparison.OutletSection section(String outlet, List<SentenceGroup> groups, CitationList citations) {
        List<SentenceGroup> mine = new ArrayList<>(groups.stream().filter(g -> g.outlets().contains(outlet)).toList());
        mine.sort(Comparator.comparingDouble((SentenceGroup g) -> g.centralOf(outlet, true).relevance()).reversed()
                .thenComparing(g -> g.centralOf(outlet, true).key()));
        List<Comparison.Item> reported = new ArrayList<>();
        List<SentenceGroup> used = new ArrayList<>();
        Set<String> articles = new LinkedHashSet<>();
        for (SentenceGroup g : mine) {
            g.members().stream().filter(s -> s.outlet().equals(outlet)).forEach(s -> articles.add(s.articleId()));
            if (reported.size() >= REPORTED_PER_OUTLET || Selection.duplicate(g, used)) continue;
            CoverageSentence s = g.centralOf(outlet, true);
            List<Integer> n = new ArrayList<>();
            citations.markers(List.of(s), n);
            reported.add(new Comparison.Item(s.text(), List.of(outlet), n));
            used.add(g);
        }
        List<SentenceGroup> others = new ArrayList<>(groups.stream().filter(g -> !g.outlets().contains(outlet)).toList());
        others.sort(Comparator.comparingInt((SentenceGroup g) -> g.outlets().size()).reversed()
                .thenComparing(Comparator.comparingDouble(SentenceGroup::relevance).reversed())
                .thenComparing(g -> g.central().key()));
        List<Comparison.Item> missing = new ArrayList<>();
        List<SentenceGroup> usedMissing = new ArrayList<>();
        for (SentenceGroup g : others) {
            if (missing.size() >= MISSING_PER_OUTLET) break;
            if (Selection.duplicate(g, usedMissing)) continue;
            List<CoverageSentence> cite = new ArrayList<>();
            cite.add(g.central());
            for (String o : g.outlets()) {
                CoverageSentence s = g.centralOf(o, true);
                if (!cite.contains(s)) cite.add(s);
            }
            List<Integer> n = new ArrayList<>();
            citations.markers(cite, n);
            missing.add(new Comparison.Item(g.central().text(), List.copyOf(g.outlets()), n));
            usedMissing.add(g);
        }
        return new Comparison.OutletSection(outlet, articles.size(), reported, missing);
    }

    /** Who a sentence attributes its words to, or null (see {@link Disagreements#speaker}). */
    static String speaker(String sentence) {
        return Disagreements.speaker(sentence);
    }

    private static String render(String topic, List<Comparison.OutletSection> sections,
                                 List<Comparison.Disagreement> disagreements) {
        StringBuilder t = new StringBuilder("How outlets covered \u201c").append(topic.strip()).append("\u201d:");
        for (Comparison.OutletSection s : sections) {
            t.append("\n\n").append(s.outlet()).append(" (").append(s.articles())
                    .append(s.articles() == 1 ? " article" : " articles").append(")");
            if (s.reported().isEmpty()) t.append("\n- reported nothing on this topic in the passages retrieved");
            for (Comparison.Item i : s.reported()) t.append("\n- ").append(i.text()).append(' ').append(CitationList.markers(i.cited()));
            for (Comparison.Item i : s.notReported()) {
                t.append("\n- not in ").append(s.outlet()).append(", reported by ").append(String.join(", ", i.outlets()))
                        .append(": ").append(i.text()).append(' ').append(CitationList.markers(i.cited()));
            }
        }
        t.append("\n\nWhere they differ:");
        if (disagreements.isEmpty()) {
            t.append("\n- no differing numbers, quotations or attributions found in reports of the same events");
        }
        for (Comparison.Disagreement d : disagreements) {
            if (d.kind().equals("attribution")) {
                t.append("\n- who said \u201c").append(d.subject()).append("\u201d: ");
                List<String> parts = new ArrayList<>();
                for (Comparison.Claim c : d.claims()) parts.add(c.outlet() + " says " + c.says() + " [" + c.cited() + "]");
                t.append(String.join("; ", parts));
                continue;
            }
            t.append("\n- ").append(d.kind().equals("number") ? "numbers" : "quotation").append(": ");
            List<String> parts = new ArrayList<>();
            for (Comparison.Claim c : d.claims()) {
                parts.add(c.outlet() + " says \u201c" + c.says().replaceAll("^\u201c|\u201d$", "") + "\u201d [" + c.cited() + "]");
            }
            t.append(String.join("; ", parts));
        }
        return t.toString();
    }

    private List<String> topOutlets(java.util.Collection<Hit> hits) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Hit h : hits) counts.merge(outlet(h), 1, Integer::sum);
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(DEFAULT_OUTLETS).map(Map.Entry::getKey).toList();
    }

    /** Named outlets spelled as the index spells them (case-insensitive match), in the order named. */
    private static List<String> canonical(List<String> named, java.util.Collection<Hit> hits) {
        List<String> out = new ArrayList<>();
        for (String n : named) {
            String spelled = hits.stream().map(CoverageComparer::outlet).filter(o -> o.equalsIgnoreCase(n.strip()))
                    .findFirst().orElse(n.strip());
            if (!out.contains(spelled)) out.add(spelled);
        }
        return out;
    }

    private static boolean contains(List<String> outlets, String outlet) {
        String o = outlet == null || outlet.isBlank() ? "unknown outlet" : outlet;
        return outlets.stream().anyMatch(x -> x.equalsIgnoreCase(o));
    }

    private static String outlet(Hit h) {
        return h.outlet() == null || h.outlet().isBlank() ? "unknown outlet" : h.outlet();
    }
}
