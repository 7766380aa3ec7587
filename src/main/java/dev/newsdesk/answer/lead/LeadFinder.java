package dev.newsdesk.answer.lead;

import dev.newsdesk.answer.QuestionTerms;
import dev.newsdesk.answer.SentenceCandidate;
import dev.newsdesk.ingest.SentenceSplitter;
import dev.newsdesk.ingest.Span;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Lexicon;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gathers the evidence a lead is chosen from: the question's {@link AnswerType}, every candidate span of that type in
 * the retrieved passages with its features, and for yes/no questions how well the coverage holds each compared
 * claim. Scoring with weights is left to {@link LeadRefiner} (and to eval, which tunes the weights). Thread-safe.
 */
public final class LeadFinder {
    private final Lexicon lexicon;
    private final SentenceSplitter splitter;
    private final SpanFinder spans = new SpanFinder();
    private final int depth;

    /** @param depth how many of the retrieved passages to look in, best first */
    public LeadFinder(Lexicon lexicon, SentenceSplitter splitter, int depth) {
        this.lexicon = lexicon;
        this.splitter = splitter;
        this.depth = depth;
    }

    /** One sentence of a retrieved passage, with its place and how much of the question it holds. */
    record Sentence(Hit hit, int rank, int start, int end, String text, Set<String> terms, double closeness) {}

    /**
     * @param type       the question's answer type
     * @param candidates spans of that type (empty for yes/no questions), in no particular order
     * @param claims     for yes/no questions, each compared claim's best supporting sentence; empty otherwise
     */
    public record Evidence(AnswerType type, List<LeadCandidate> candidates, List<Claim> claims) {
        /** The weakest claim's support, 0 when there are no claims. */
        public double yesSupport() {
            return claims.isEmpty() ? 0 : claims.stream().mapToDouble(Claim::support).min().orElse(0);
        }
    }

    /** A compared claim of a yes/no question, the outlet it is attributed to (or null), and its best sentence. */
    public record Claim(String clause, String outlet, double support, Hit hit, int start, int end, String sentence) {}

    public Evidence find(String question, List<Hit> hits, List<SentenceCandidate> chosen) {
        AnswerType type = AnswerType.of(question);
        List<Hit> top = hits.size() > depth ? hits.subList(0, depth) : hits;
        QuestionTerms terms = QuestionTerms.of(question, lexicon);
        List<Sentence> sentences = sentences(top, terms);
        if (type == AnswerType.YES_NO) return new Evidence(type, List.of(), claims(question, hits, sentences));
        if (type == AnswerType.COMPARISON || type == AnswerType.OPEN) return new Evidence(type, List.of(), List.of());
        return new Evidence(type, candidates(question, type, top, sentences, chosen), List.of());
    }

    private List<Sentence> sentences(List<Hit> hits, QuestionTerms terms) {
        List<Sentence> out = new ArrayList<>();
        for (int rank = 0; rank < hits.size(); rank++) {
            Hit h = hits.get(rank);
            for (Span sp : splitter.split(h.text())) {
                String s = h.text().substring(sp.start(), sp.end());
                Set<String> t = new HashSet<>(lexicon.terms(s));
                double c = terms.total() == 0 ? 0 : terms.coverage(t) / terms.total();
                out.add(new Sentence(h, rank, h.start() + sp.start(), h.start() + sp.end(), s, t, c));
            }
        }
        return out;
    }

    private static final class Tally {
        final String key;
        String text;
        Sentence best;
        final Set<String> articles = new HashSet<>();
        final Set<String> outlets = new HashSet<>();
        double closeness = -1;
        double adjacent;
        int firstRank = Integer.MAX_VALUE;
        int mentions;
        boolean inAnswer;

        Tally(String key) {
            this.key = key;
        }
    }

    /** Whether a word named {@code alone} times by itself is a name of its own before one named {@code with} times. */
    static boolean standsAlone(double alone, double with) {
        return alone >= 3 && alone >= 3 * with;
    }

    /** Words either side of a span that count as next to it ("Defense Minister Yoav Gallant", "a dozen Jewish leaders"). */
    private static final int BEFORE = 4, AFTER = 4;

    /**
     * The share of the question's weighted terms in the few words around {@code f} in {@code sentence}: before a
     * name only (its title: "Israeli Prime Minister Benjamin Netanyahu"), either side of a number or date ("a dozen
     * Jewish leaders").
     */
    private double adjacent(QuestionTerms terms, String sentence, SpanFinder.Found f) {
        if (terms.total() == 0) return 0;
        int from = f.start();
        for (int w = 0; w < BEFORE && from > 0; w++) {
            int sp = sentence.lastIndexOf(' ', from - 2);
            from = sp < 0 ? 0 : sp + 1;
        }
        int to = f.end();
        int after = f.kind() == SpanFinder.Kind.NAME ? 0 : AFTER;
        for (int w = 0; w < after && to < sentence.length(); w++) {
            int sp = sentence.indexOf(' ', to + 1);
            to = sp < 0 ? sentence.length() : sp;
        }
        String around = sentence.substring(from, f.start()) + " " + sentence.substring(f.end(), to);
        return terms.coverage(new HashSet<>(lexicon.terms(around))) / terms.total();
    }

    private List<LeadCandidate> candidates(String question, AnswerType type, List<Hit> hits, List<Sentence> sentences,
                                           List<SentenceCandidate> chosen) {
        QuestionTerms terms = QuestionTerms.of(question, lexicon);
        Set<String> questionWords = new HashSet<>(List.of(SpanFinder.key(question).split(" ")));
        Set<String> outletKeys = new HashSet<>();
        for (Hit h : hits) if (h.outlet() != null) outletKeys.add(SpanFinder.key(h.outlet().replaceFirst("^The ", "")));
        Set<String> named = namedOutlets(question, hits);
        Set<String> chosenKeys = new HashSet<>();
        for (SentenceCandidate c : chosen) chosenKeys.add(c.hit().passageId() + "@" + c.start());
        SpanFinder.Kind wanted = type == AnswerType.NUMBER ? SpanFinder.Kind.NUMBER
                : type == AnswerType.DATE ? SpanFinder.Kind.DATE : SpanFinder.Kind.NAME;
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Sentence s : sentences) {
            if (s.text().endsWith("?")) continue;
            for (SpanFinder.Found f : spans.find(s.text())) {
                if (f.kind() != wanted) continue;
                // a name without its title or first word answers "who"; for anything else the whole run is the name
                if (f.part() && type != AnswerType.PERSON) continue;
                String key = SpanFinder.key(f.text());
                if (key.isEmpty() || outletKeys.contains(key) || key.length() < 2) continue;
                String[] words = key.split(" ");
                int seen = 0;
                for (String w : words) if (questionWords.contains(w)) seen++;
                if (seen == words.length) continue; // merely repeats the question
                // "Antony Blinken" to "Who did Blinken meet?": the question's own person is not its answer
                if (type == AnswerType.PERSON && questionWords.contains(words[words.length - 1])) continue;
                Tally t = tallies.computeIfAbsent(key, Tally::new);
                t.mentions++;
                t.articles.add(s.hit().articleId());
                if (s.hit().outlet() != null && named.contains(s.hit().outlet())) t.outlets.add(s.hit().outlet());
                t.firstRank = Math.min(t.firstRank, s.rank());
                if (chosenKeys.contains(s.hit().passageId() + "@" + s.start())) t.inAnswer = true;
                if (s.closeness() > 0) t.adjacent = Math.max(t.adjacent, adjacent(terms, s.text(), f));
                if (s.closeness() > t.closeness) {
                    t.closeness = s.closeness();
                    t.best = s;
                    t.text = f.text();
                }
            }
        }
        // A mention of "Sam Bankman-Fried" is also a mention of "Bankman-Fried": longer names lend their support.
        List<Tally> all = new ArrayList<>(tallies.values());
        Map<String, Set<String>> articles = new HashMap<>();
        Map<String, Set<String>> outlets = new HashMap<>();
        for (Tally t : all) {
            Set<String> a = new HashSet<>(t.articles), o = new HashSet<>(t.outlets);
            String padded = " " + t.key + " ";
            for (Tally u : all) {
                if (u != t && (" " + u.key + " ").contains(padded)) {
                    a.addAll(u.articles);
                    o.addAll(u.outlets);
                }
            }
            articles.put(t.key, a);
            outlets.put(t.key, o);
        }
        // A person is named by a person-like name, or by part of one ("Netanyahu" of "Benjamin Netanyahu"):
        // "Israel-Hamas" is no answer to "Who did Blinken meet?"
        Set<String> personNames = new HashSet<>();
        if (type == AnswerType.PERSON) for (Tally t : all) if (typeFit(type, t.text) > 0) personNames.add(" " + t.key + " ");
        List<LeadCandidate> out = new ArrayList<>();
        for (Tally t : all) {
            if (type == AnswerType.PERSON && personNames.stream().noneMatch(p -> p.endsWith(" " + t.key + " "))) continue;
            if (type == AnswerType.PERSON && t.key.split(" ").length == 3) {
                // "Israel Jack Lew" when "Israel" is named on its own too: a place, then the name
                Tally first = tallies.get(t.key.substring(0, t.key.indexOf(' ')));
                if (first != null && standsAlone(first.mentions, t.mentions)) continue;
                // "Ambassador to Israel Jack Lew" asked "Who is the US ambassador to Israel?": the place is the question's
                if (questionWords.contains(first == null ? t.key.substring(0, t.key.indexOf(' ')) : first.key)
                        && tallies.containsKey(t.key.substring(t.key.indexOf(' ') + 1))) continue;
            }
            String[] words = t.key.split(" ");
            int seen = 0;
            for (String w : words) if (questionWords.contains(w)) seen++;
            double[] f = {
                    Math.log1p(articles.get(t.key).size()),
                    named.isEmpty() ? 0 : (double) outlets.get(t.key).size() / named.size(),
                    t.closeness,
                    typeFit(type, t.text),
                    1.0 / (1 + t.firstRank),
                    t.inAnswer ? 1 : 0,
                    (double) seen / words.length,
                    Math.log1p(t.mentions),
                    t.adjacent};
            Sentence b = t.best;
            out.add(new LeadCandidate(t.text, t.key, f, b.hit(), b.rank(), b.start(), b.end(), b.text()));
        }
        return out;
    }

    private static final Pattern ORG_WORD = Pattern.compile("\\b(?:Inc|Corp|Corporation|Company|Co|Group|Bank|Reserve|"
            + "Research|Association|University|Commission|Department|League|Network|News|Labs?|Capital|Partners|"
            + "Holdings|Technologies|Media|Studios?|Games|Entertainment|Foundation|Institute|Council|Court|Party|"
            + "Agency|Board|Club|United|City|FC|Airlines|Motors|Systems|Services|Times|Post|Journal|AI|Exchange)\\b");

    /** Whether a name looks like what the question asks for: 1 fits, 0 cannot tell, -1 does not. */
    static double typeFit(AnswerType type, String name) {
        String[] words = name.split("\\s+");
        boolean org = ORG_WORD.matcher(name).find() || name.matches(".*\\p{Lu}{2,}.*") || name.matches(".*\\p{N}.*")
                || name.matches(".*\\p{Ll}\\p{Lu}.*"); // OpenAI, ChatGPT, iPhone
        String last = words[words.length - 1].replace(".", "");
        // "Special Envoy", "American Jewish": titles and nationalities name no one
        boolean title = false;
        for (String w : words) title |= SpanFinder.TITLES.contains(w.replace(".", ""));
        boolean adjective = last.endsWith("ish") || last.endsWith("ese");
        if (type == AnswerType.PERSON && (title || adjective)) return -1;
        boolean personLike = !org && words.length >= 2 && words.length <= 3;
        return switch (type) {
            case PERSON -> personLike ? 1 : org ? -1 : 0;
            case ORGANIZATION -> org ? 1 : personLike ? -1 : 0;
            case PLACE -> org || words.length > 3 ? -1 : 0;
            default -> 0;
        };
    }

    /** The outlets among the hits' that the question names ("as reported by The Verge and TechCrunch"). */
    static Set<String> namedOutlets(String question, List<Hit> hits) {
        String q = question.toLowerCase(Locale.ROOT);
        Set<String> out = new HashSet<>();
        for (Hit h : hits) {
            if (h.outlet() == null) continue;
            String o = h.outlet().toLowerCase(Locale.ROOT).replaceFirst("^the ", "");
            if (o.length() >= 3 && q.contains(o)) out.add(h.outlet());
        }
        return out;
    }

    private static final Pattern CLAUSE_BREAK = Pattern.compile("(?i),?\\s+(?:while|whereas|but|in contrast to|"
            + "compared to|compared with|as opposed to|and does|and did|and is|and has|and was)\\s+|,\\s+and\\s+|;\\s*");

    private static final Pattern NEGATED = Pattern.compile("(?i)\\b(?:not|no|without|fail(?:s|ed)?|lack(?:s|ed)?|neither|nor|unlike)\\b");
    private static final Pattern ASKS_CHANGE = Pattern.compile("(?i)inconsisten|\\bdiffer|\\bchang(?:e|ed|es|ing)\\b|contrast|contradict|\\bshift");
    private static final Pattern ASKS_SAME = Pattern.compile("(?i)consisten|\\bsame\\b|similar|align|agree|remain|\\bboth\\b");

    /**
     * Whether the coverage could show a "Yes" to this question at all. Absence cannot be quoted ("does X not
     * mention ...", "without ..."), nor can a change or disagreement by two sentences that each hold their claim,
     * so those get no yes/no lead; a question about consistency, or one attributing claims to two or more named
     * outlets, can be answered "Yes" by a sentence of each outlet stating its claim.
     */
    static boolean yesAnswerable(String question, List<Claim> claims, boolean namesOutlet) {
        if (NEGATED.matcher(question).find()) return false;
        boolean same = ASKS_SAME.matcher(question).find();
        if (ASKS_CHANGE.matcher(question).find() && !same) return false;
        if (same) return !claims.isEmpty();
        // "Did Blinken say Israel's response should be limited?": one claim, no outlet named; LeadRefiner asks more of it
        if (claims.size() == 1 && !namesOutlet) return true;
        return claims.stream().filter(c -> c.outlet() != null).count() >= 2;
    }

    /**
     * Each compared claim of a yes/no question with the best sentence of the outlet it is attributed to; empty when
     * the question is not one the coverage could answer "Yes" ({@link #yesAnswerable}).
     */
    private List<Claim> claims(String question, List<Hit> hits, List<Sentence> sentences) {
        List<Claim> out = claimsOf(question, hits, sentences);
        return yesAnswerable(question, out, !namedOutlets(question, hits).isEmpty()) ? out : List.of();
    }

    private List<Claim> claimsOf(String question, List<Hit> hits, List<Sentence> sentences) {
        List<Claim> out = new ArrayList<>();
        for (String clause : CLAUSE_BREAK.split(question)) {
            if (clause.isBlank()) continue;
            Set<String> outlets = namedOutlets(clause, hits);
            String stripped = clause;
            for (String o : outlets) stripped = stripped.replaceAll("(?i)\\b(?:the )?" + Pattern.quote(o.replaceFirst("^The ", "")), " ");
            QuestionTerms t = QuestionTerms.of(stripped, lexicon);
            if (t.total() == 0) continue;
            Sentence best = null;
            double support = 0;
            for (Sentence s : sentences) {
                if (!outlets.isEmpty() && !outlets.contains(s.hit().outlet())) continue;
                double c = t.coverage(s.terms()) / t.total();
                if (c > support) {
                    support = c;
                    best = s;
                }
            }
            if (best == null) {
                out.add(new Claim(clause, outlets.isEmpty() ? null : outlets.iterator().next(), 0, null, 0, 0, null));
            } else {
                out.add(new Claim(clause, best.hit().outlet(), support, best.hit(), best.start(), best.end(), best.text()));
            }
        }
        return out;
    }
}
