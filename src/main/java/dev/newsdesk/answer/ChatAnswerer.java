package dev.newsdesk.answer;

import dev.langchain4j.model.chat.ChatModel;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SearchRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Written answers from a chat model, with every citation checked.
 *
 * <p>Stages, each a small interface or class of its own (as LangChain4j's {@code DefaultRetrievalAugmentor} joins
 * query transformer, retriever and injector): {@link Condenser} (a follow-up into a standalone question) → the
 * {@link Retriever} ({@link ChatAnswerSettings#sources()} passages) → {@code prompts/answer.txt} rendered with the
 * passages fenced as numbered data → {@link ModelCaller} (retrying only rate limits, within a bounded budget) →
 * {@link ReplyClassifier} (answer, abstention, or nothing usable) → {@link CitationChecker} (drops unsupported
 * sentences and renumbers citations).
 *
 * <p>Provider trouble never reaches the caller: timeouts, HTTP errors, unreadable, empty or refused replies,
 * and answers of which too little survives checking, all yield the fallback's answer with a short note. Each
 * failure is logged once at WARN with the provider and HTTP status, never with the key or the reply body.
 * Thread-safe when the model, retriever and fallback are.
 */
public final class ChatAnswerer implements Answerer {
    /**
     * The exact sentence {@code prompts/answer.txt} tells the model to reply with when the sources do not
     * answer; a reply containing it is an abstention.
     */
    public static final String ABSTENTION = "The coverage does not answer this question.";

    private static final Logger log = LoggerFactory.getLogger(ChatAnswerer.class);

    private final ModelCaller caller;
    private final Condenser condenser;
    private final ReplyClassifier classifier;
    private final Retriever retriever;
    private final Answerer fallback;
    private final PromptLibrary prompts;
    private final CitationChecker checker;
    private final ChatAnswerSettings settings;
    private final Clock clock;

    /**
     * @param providerName short provider name shown in notes and logs ("openai", "anthropic", "ollama")
     * @param fallback answers when the model cannot (normally the extractive answerer)
     * @param settings null means {@link ChatAnswerSettings#DEFAULTS}
     */
    public ChatAnswerer(ChatModel model, String providerName, Retriever retriever, Answerer fallback,
                        PromptLibrary prompts, CitationChecker checker, ChatAnswerSettings settings) {
        this(model, providerName, retriever, fallback, prompts, checker, settings, Clock.systemDefaultZone(),
                d -> Thread.sleep(d.toMillis()));
    }

    ChatAnswerer(ChatModel model, String providerName, Retriever retriever, Answerer fallback, PromptLibrary prompts,
                 CitationChecker checker, ChatAnswerSettings settings, Clock clock, ModelCaller.Sleeper sleeper) {
        this.settings = settings == null ? ChatAnswerSettings.DEFAULTS : settings;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.caller = new ModelCaller(model, providerName, ModelCaller.Retries.of(this.settings), sleeper);
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.condenser = new ChatCondenser(caller, this.prompts, this.clock);
        this.classifier = ReplyClassifier.DEFAULT;
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.checker = Objects.requireNonNull(checker, "checker");
    }

    /**
     * The usual wiring, for the CLI: builds the model from {@code modelSettings} (key read from {@code env}),
     * with the default checker threshold for {@code embeddings} (null: lexical-only checking).
     *
     * @throws IllegalStateException when the provider's key is missing (the message names the variable)
     */
    public static ChatAnswerer create(ChatModelSettings modelSettings, java.util.Map<String, String> env,
                                      Retriever retriever, Answerer fallback, PromptLibrary prompts,
                                      dev.langchain4j.model.embedding.EmbeddingModel embeddings,
                                      ChatAnswerSettings settings) {
        return new ChatAnswerer(ChatModels.build(modelSettings, env), modelSettings.provider().id(), retriever,
                fallback, prompts, new CitationChecker(embeddings), settings);
    }

    @Override
    public Answer answer(Question question) {
        String provider = caller.providerName();
        String standalone = condenser.standalone(question);
        List<Hit> hits = retriever.search(new SearchRequest(standalone, question.filters(), settings.sources()));
        if (hits.isEmpty()) {
            return new Answer(question.text(), ABSTENTION, true, List.of(), provider, null, List.of());
        }
        if (hits.size() > settings.sources()) hits = hits.subList(0, settings.sources());

        PromptLibrary.Rendered prompt = prompts.render(PromptLibrary.Name.ANSWER, Map.of(
                "question", SourceBlocks.defuse(standalone), // a question cannot close or open a source fence
                "sources", SourceBlocks.render(hits),
                "today", LocalDate.now(clock).toString()));
        String reply;
        try {
            reply = caller.reply(prompt, classifier);
        } catch (ModelFailure failure) {
            caller.logFailure(failure, "answering extractively");
            return fallback(question, standalone, failure.note(provider));
        }
        if (classifier.classify(reply, null) == ReplyClassifier.Verdict.ABSTENTION) {
            List<Citation> closest = new ArrayList<>();
            for (int i = 0; i < Math.min(settings.abstainCitations(), hits.size()); i++) {
                closest.add(CitationChecker.citation(i + 1, hits.get(i)));
            }
            return new Answer(question.text(), ABSTENTION, true, closest, provider, null, List.of());
        }

        CitationChecker.Result checked = checker.check(reply, hits);
        int total = checked.total();
        if (checked.supported() == 0 || checked.supported() < settings.minSupportedFraction() * total) {
            log.info("chat model {}: {} of {} sentences supported by their citations; answering extractively",
                    provider, checked.supported(), total);
            return fallback(question, standalone, "The chat model (" + provider
                    + ") gave an answer its sources do not support; showing quoted sentences instead.");
        }
        Answer written = new Answer(question.text(), Mentions.neutralise(checked.text()), false, checked.citations(),
                provider, null, checked.sentences());
        return withExtractiveLead(written, question, standalone);
    }

    /**
     * The model's answer with the extractive lead beside it ("Google. [3]"): the answerer keeps its own words, and
     * the reader (or a program reading {@code --json}) still gets the verbatim answer span. The lead's citations are
     * the written answer's where it quotes the same passage, else added after them.
     */
    private Answer withExtractiveLead(Answer written, Question question, String standalone) {
        Answer quoted;
        try {
            quoted = fallback.answer(standaloneQuestion(question, standalone));
        } catch (RuntimeException e) {
            log.debug("no extractive lead beside the chat answer: {}", e.toString());
            return written;
        }
        Lead lead = quoted.lead();
        if (lead == null || lead.span() == null || quoted.abstained()) return written;
        List<Citation> citations = new ArrayList<>(written.citations());
        List<Integer> leadCitations = new ArrayList<>();
        for (int n : lead.citations()) {
            Citation c = quoted.citations().get(n - 1);
            Integer same = null;
            for (Citation w : citations) {
                if (w.articleId().equals(c.articleId()) && w.start() <= c.start() && c.end() <= w.end()) same = w.n();
            }
            if (same == null) {
                same = citations.size() + 1;
                citations.add(new Citation(same, c.articleId(), c.passageId(), c.outlet(), c.title(), c.published(),
                        c.url(), c.quote(), c.start(), c.end()));
            }
            if (!leadCitations.contains(same)) leadCitations.add(same);
        }
        java.util.Collections.sort(leadCitations);
        return new Answer(written.question(), written.text(), false, citations, written.answerer(), written.note(),
                written.sentences(), new Lead(lead.text(), lead.span(), lead.kind(), leadCitations));
    }

    private static Question standaloneQuestion(Question question, String standalone) {
        if (standalone.equals(question.text())) return question;
        try {
            return new Question(standalone, question.filters(), question.history());
        } catch (IllegalArgumentException tooLong) {
            return question;
        }
    }

    /** The fallback's answer to the standalone question, with the note saying why the model's is not shown. */
    private Answer fallback(Question question, String standalone, String note) {
        Answer a = fallback.answer(standaloneQuestion(question, standalone));
        String notes = a.note() == null || a.note().isBlank() ? note : note + " " + a.note();
        return new Answer(question.text(), Mentions.neutralise(a.text()), a.abstained(), a.citations(), a.answerer(),
                notes, a.sentences(), a.lead());
    }
}
