package dev.newsdesk.coverage;

import dev.langchain4j.model.chat.ChatModel;
import dev.newsdesk.answer.ModelCaller;
import dev.newsdesk.answer.ModelFailure;
import dev.newsdesk.answer.ReplyClassifier;
import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Citation;
import dev.newsdesk.answer.CitationChecker;
import dev.newsdesk.answer.Mentions;
import dev.newsdesk.answer.PromptLibrary;
import dev.newsdesk.answer.SourceBlocks;
import dev.newsdesk.retrieve.Filters;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SearchRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key points of the coverage of a topic, each cited to every article that reports it.
 *
 * <p>Retrieves {@link CoverageSettings#passages()} passages, groups their sentences with a {@link Grouper}, and
 * keeps 3 to {@link CoverageSettings#maxPoints()} groups: those reported by two or more articles first (most
 * outlets, then most articles, then earliest), then single-outlet points marked "only OUTLET". Offline, a point is
 * its group's most central sentence, verbatim. With a chat model, the model writes each point from its group's
 * sentences ({@code prompts/summary.txt}) and {@link CitationChecker} checks it like any written answer; a point the
 * check rejects, or that the model fails to write, is shown verbatim instead. Thread-safe when its collaborators are.
 */
public final class CoverageSummarizer {
    public static final String EXTRACTIVE = "extractive";
    /** Fewest points shown when the coverage has that many on-topic groups. */
    static final int MIN_POINTS = 3;
    /** Single-article points fill the summary up to this many points. */
    static final int FILL_POINTS = 5;
    /** Most citations shown for one point; the first ones cover every outlet that reports it. */
    static final int MAX_CITATIONS_PER_POINT = 6;

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    private final Retriever retriever;
    private final Grouper grouper;
    private final Writer writer;

    /** The optional chat-model half: model, provider name for notes, prompts and checker. */
    public record Writer(ChatModel model, String providerName, PromptLibrary prompts, CitationChecker checker, Clock clock) {
        public Writer {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(prompts, "prompts");
            Objects.requireNonNull(checker, "checker");
            providerName = providerName == null || providerName.isBlank() ? "chat" : providerName;
            clock = clock == null ? Clock.systemDefaultZone() : clock;
        }

        /** Asks through the one model caller written answers use: rate limits retried, failures sorted. */
        ModelCaller caller() {
            return new ModelCaller(model, providerName, ModelCaller.Retries.DEFAULTS);
        }

        /**
         * Renders {@code prompt} with the topic (defused) and the numbered sources, asks the model, and returns its
         * usable reply (an answer or the abstention sentence).
         *
         * @throws ModelFailure when the provider fails or the reply is empty or a refusal
         */
        String reply(PromptLibrary.Name prompt, String topic, List<Hit> sources) throws ModelFailure {
            PromptLibrary.Rendered rendered = prompts.render(prompt, Map.of(
                    "topic", SourceBlocks.defuse(topic.strip()), "sources", SourceBlocks.render(sources),
                    "today", LocalDate.now(clock).toString()));
            return caller().reply(rendered, ReplyClassifier.DEFAULT);
        }
    }

    /** @param writer null for offline (verbatim) summaries */
    public CoverageSummarizer(Retriever retriever, Grouper grouper, Writer writer) {
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.grouper = Objects.requireNonNull(grouper, "grouper");
        this.writer = writer;
    }

    /** The summary as an answer (for the bot's /summary): text with [n] markers, and the citations. */
    public Answer summarize(String topic, Filters filters) {
        return summary(topic, filters).answer();
    }

    public Summary summary(String topic, Filters filters) {
        requireTopic(topic);
        List<Hit> hits = retriever.search(new SearchRequest(topic, filters, grouper.settings().passages()));
        return summary(topic, hits);
    }

    /** Summarises the given passages (already retrieved, best first); used by the benchmark for > 1,000 passages. */
    public Summary summary(String topic, List<Hit> hits) {
        requireTopic(topic);
        List<SentenceGroup> groups = grouper.group(topic, hits);
        List<SentenceGroup> picked = Selection.pick(groups, grouper.settings().maxPoints(), FILL_POINTS);
        if (picked.isEmpty()) {
            String text = "Nothing in the coverage matches \u201c" + topic.strip() + "\u201d.";
            return new Summary(topic, new Answer(topic, text, true, List.of(), answerer(), null, List.of()), List.of());
        }
        CitationList citations = new CitationList();
        List<Summary.Point> points = new ArrayList<>();
        List<Answer.SentenceCheck> checks = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Set<String> articles = new LinkedHashSet<>();
        Set<String> outlets = new LinkedHashSet<>();
        for (SentenceGroup g : picked) {
            articles.addAll(g.articles());
            outlets.addAll(g.outlets());
            Summary.Point written = writer == null ? null : write(topic, g, citations, checks, failures);
            points.add(written != null ? written : verbatim(g, citations));
        }
        StringBuilder text = new StringBuilder();
        text.append("Key points of the coverage of \u201c").append(topic.strip()).append("\u201d (")
                .append(points.size()).append(points.size() == 1 ? " point" : " points").append(" from ")
                .append(articles.size()).append(articles.size() == 1 ? " article" : " articles").append(" by ")
                .append(outlets.size()).append(outlets.size() == 1 ? " outlet" : " outlets").append("):");
        for (int i = 0; i < points.size(); i++) {
            Summary.Point p = points.get(i);
            text.append('\n').append(i + 1).append(". ").append(p.text()).append(" \u2014 ")
                    .append(Selection.spread(picked.get(i))).append(' ').append(CitationList.markers(p.cited()));
        }
        String note = null;
        if (!failures.isEmpty()) {
            note = "The chat model (" + writer.providerName() + ") could not write " + failures.size()
                    + (failures.size() == 1 ? " point" : " points") + " its sources support; showing quoted sentences there.";
        }
        Answer answer = new Answer(topic, Mentions.neutralise(text.toString()), false, citations.all(), answerer(), note, checks);
        return new Summary(topic, answer, points);
    }

    private String answerer() {
        return writer == null ? EXTRACTIVE : writer.providerName();
    }

    private static Summary.Point verbatim(SentenceGroup g, CitationList citations) {
        CoverageSentence central = g.central();
        List<Integer> numbers = new ArrayList<>();
        citations.markers(cited(g, central), numbers);
        return new Summary.Point(central.text(), false, List.copyOf(g.outlets()), g.articles().size(), g.earliest(), numbers);
    }

    /**
     * One sentence per reporting article, the central one first: every outlet's earliest article, then the other
     * articles by date, at most {@link #MAX_CITATIONS_PER_POINT} (the point's text gives the full count).
     */
    static List<CoverageSentence> cited(SentenceGroup g, CoverageSentence central) {
        List<CoverageSentence> cited = new ArrayList<>();
        cited.add(central);
        Set<String> articles = new LinkedHashSet<>(List.of(central.articleId()));
        Set<String> outlets = new LinkedHashSet<>(List.of(central.outlet()));
        List<CoverageSentence> byDate = g.byDate();
        for (boolean outletPass : new boolean[] {true, false}) {
            for (CoverageSentence s : byDate) {
                if (cited.size() >= MAX_CITATIONS_PER_POINT) return cited;
                if (articles.contains(s.articleId()) || (outletPass && outlets.contains(s.outlet()))) continue;
                CoverageSentence best = g.centralOf(s.articleId(), false);
                cited.add(best);
                articles.add(s.articleId());
                outlets.add(s.outlet());
            }
        }
        return cited;
    }

    /** The model's version of a point, checked; null when it cannot be used (the caller shows the verbatim point). */
    private Summary.Point write(String topic, SentenceGroup g, CitationList citations, List<Answer.SentenceCheck> checks,
                                List<String> failures) {
        List<CoverageSentence> members = cited(g, g.central());
        List<Hit> sources = members.stream().map(CoverageSummarizer::sentenceHit).toList();
        try {
            String reply = writer.reply(PromptLibrary.Name.SUMMARY, topic, sources);
            CitationChecker.Result result = writer.checker().check(reply.strip(), sources);
            if (result.supported() == 0 || result.supported() < result.total() || result.text().isBlank()) {
                failures.add("unsupported");
                return null;
            }
            Map<Integer, Integer> global = new HashMap<>();
            for (Citation c : result.citations()) {
                CoverageSentence s = members.stream().filter(m -> m.start() == c.start() && m.articleId().equals(c.articleId()))
                        .findFirst().orElseThrow();
                global.put(c.n(), citations.cite(s));
            }
            List<Integer> numbers = new ArrayList<>(new LinkedHashSet<>(global.values()));
            String clean = MARKER.matcher(result.text()).replaceAll("").replaceAll("\\s+([.,;:!?])", "$1")
                    .replaceAll("\\s{2,}", " ").strip();
            for (Answer.SentenceCheck check : result.sentences()) {
                checks.add(check.renumbered(global));
            }
            return new Summary.Point(clean, true, List.copyOf(g.outlets()), g.articles().size(), g.earliest(), numbers);
        } catch (ModelFailure e) {
            writer.caller().logFailure(e, "showing the quoted sentence for a summary point");
            failures.add("failed");
            return null;
        }
    }

    /** A one-sentence source: its text is the sentence and its offsets the sentence's, so a citation quotes it exactly. */
    static Hit sentenceHit(CoverageSentence s) {
        Hit h = s.hit();
        return new Hit(h.passageId(), h.articleId(), h.ordinal(), s.start(), s.end(), s.text(), h.title(), h.outlet(),
                h.published(), h.url(), h.score(), null);
    }

    static void requireTopic(String topic) {
        if (topic == null || topic.isBlank()) throw new IllegalArgumentException("the topic is empty; name a story or subject");
    }
}
