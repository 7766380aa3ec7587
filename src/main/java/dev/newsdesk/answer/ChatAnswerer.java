package dev.newsdesk.answer;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SearchRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Written answers from a chat model, with every citation checked.
 *
 * <p>Pipeline: condense a follow-up into a standalone question (when the question has history) → retrieve
 * {@link ChatAnswerSettings#sources()} passages → render {@code prompts/answer.txt} with the passages fenced as
 * numbered data → ask the model (retrying only rate limits, honouring Retry-After within a bounded budget) →
 * detect an abstention → {@link CitationChecker} drops unsupported sentences and renumbers citations.
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
    private static final Pattern MARKERS = Pattern.compile("\\[[\\d,;\\s]*]");
    private static final Pattern REFUSAL = Pattern.compile(
            "^(?:i'?m sorry|i am sorry|sorry,|i can(?:no|')t|i cannot|i won'?t|i'?m (?:not able|unable)|i am (?:not able|unable)|as an ai)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Waits between retries; replaced in tests so they neither sleep long nor depend on wall time. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final ChatModel model;
    private final String providerName;
    private final Retriever retriever;
    private final Answerer fallback;
    private final PromptLibrary prompts;
    private final CitationChecker checker;
    private final ChatAnswerSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;

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
                 CitationChecker checker, ChatAnswerSettings settings, Clock clock, Sleeper sleeper) {
        this.model = Objects.requireNonNull(model, "model");
        this.providerName = providerName == null || providerName.isBlank() ? "chat" : providerName.strip();
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.checker = Objects.requireNonNull(checker, "checker");
        this.settings = settings == null ? ChatAnswerSettings.DEFAULTS : settings;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
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
        String standalone = question.history().isEmpty() ? question.text() : condense(question);
        List<Hit> hits = retriever.search(new SearchRequest(standalone, question.filters(), settings.sources()));
        if (hits.isEmpty()) {
            return new Answer(question.text(), ABSTENTION, true, List.of(), providerName, null, List.of());
        }
        if (hits.size() > settings.sources()) hits = hits.subList(0, settings.sources());

        PromptLibrary.Rendered prompt = prompts.render(PromptLibrary.Name.ANSWER, Map.of(
                "question", SourceBlocks.defuse(standalone), // a question cannot close or open a source fence
                "sources", SourceBlocks.render(hits),
                "today", LocalDate.now(clock).toString()));
        ChatResponse response;
        try {
            response = call(prompt);
        } catch (ModelFailure failure) {
            logFailure(failure);
            return fallback(question, standalone, failure.note(providerName));
        }

        String reply = response.aiMessage() == null ? null : response.aiMessage().text();
        Failure unusable = unusable(reply, response.finishReason());
        if (unusable != null) {
            logFailure(new ModelFailure(unusable, null));
            return fallback(question, standalone, unusable.note(providerName));
        }
        if (isAbstention(reply)) {
            List<Citation> closest = new ArrayList<>();
            for (int i = 0; i < Math.min(settings.abstainCitations(), hits.size()); i++) {
                closest.add(CitationChecker.citation(i + 1, hits.get(i)));
            }
            return new Answer(question.text(), ABSTENTION, true, closest, providerName, null, List.of());
        }

        CitationChecker.Result checked = checker.check(reply, hits);
        int total = checked.total();
        if (checked.supported() == 0 || checked.supported() < settings.minSupportedFraction() * total) {
            log.info("chat model {}: {} of {} sentences supported by their citations; answering extractively",
                    providerName, checked.supported(), total);
            return fallback(question, standalone, "The chat model (" + providerName
                    + ") gave an answer its sources do not support; showing quoted sentences instead.");
        }
        return new Answer(question.text(), Mentions.neutralise(checked.text()), false, checked.citations(), providerName,
                null, checked.sentences());
    }

    /** Rewrites a follow-up as a standalone question; on any model trouble, joins the last and new question. */
    String condense(Question question) {
        Question.Turn last = question.history().getLast();
        String joined = (last.question() == null ? "" : last.question().strip() + " ") + question.text();
        StringBuilder history = new StringBuilder();
        for (Question.Turn turn : question.history()) {
            history.append("User: ").append(nullToEmpty(turn.question()).strip()).append('\n');
            history.append("Answer: ").append(MARKERS.matcher(nullToEmpty(turn.answer())).replaceAll("").strip()).append('\n');
        }
        try {
            PromptLibrary.Rendered prompt = prompts.render(PromptLibrary.Name.CONDENSE, Map.of(
                    "question", question.text(), "history", history.toString().strip(),
                    "today", LocalDate.now(clock).toString()));
            ChatResponse response = call(prompt);
            String text = response.aiMessage() == null ? null : response.aiMessage().text();
            if (text == null || text.isBlank()) return joined;
            String line = text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
            line = line.replaceAll("^(?i)standalone question:\\s*", "").replaceAll("^[\"“']+|[\"”']+$", "").strip();
            if (line.isEmpty() || line.length() > Question.MAX_CHARS) return joined;
            return line;
        } catch (ModelFailure failure) {
            log.warn("chat model {} could not condense a follow-up ({}); using the questions joined", providerName,
                    failure.failure().describe());
            return joined;
        }
    }

    /** Calls the model; retries rate limits within the settings' budget. */
    private ChatResponse call(PromptLibrary.Rendered prompt) throws ModelFailure {
        ChatRequest request = ChatRequest.builder().messages(prompt.messages()).build();
        Duration waited = Duration.ZERO;
        for (int attempt = 0; ; attempt++) {
            try {
                return model.chat(request);
            } catch (RuntimeException e) {
                Failure failure = Failure.classify(e);
                boolean retriable = failure.kind() == Kind.RATE_LIMITED
                        || (failure.status() == 503 && failure.retryAfter() != null);
                if (!retriable || attempt >= settings.maxRetries()) throw new ModelFailure(failure, e);
                Duration wait = failure.retryAfter() != null ? failure.retryAfter() : settings.defaultBackoff();
                if (waited.plus(wait).compareTo(settings.maxRetryWait()) > 0) throw new ModelFailure(failure, e);
                log.debug("chat model {} rate-limited (HTTP {}); retrying in {} ms", providerName, failure.status(),
                        wait.toMillis());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new ModelFailure(failure, e);
                }
                waited = waited.plus(wait);
            }
        }
    }

    private Answer fallback(Question question, String standalone, String note) {
        Question asked = question;
        if (!standalone.equals(question.text())) {
            try {
                asked = new Question(standalone, question.filters(), question.history());
            } catch (IllegalArgumentException tooLong) {
                asked = question;
            }
        }
        Answer a = fallback.answer(asked);
        String notes = a.note() == null || a.note().isBlank() ? note : note + " " + a.note();
        return new Answer(question.text(), Mentions.neutralise(a.text()), a.abstained(), a.citations(), a.answerer(),
                notes, a.sentences());
    }

    private void logFailure(ModelFailure failure) {
        log.warn("chat model {} failed: {}; answering extractively", providerName, failure.failure().describe());
    }

    static boolean isAbstention(String reply) {
        String normal = MARKERS.matcher(reply).replaceAll("").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return normal.contains(ABSTENTION.toLowerCase(Locale.ROOT).replace(".", ""));
    }

    private static Failure unusable(String reply, FinishReason finish) {
        if (finish == FinishReason.CONTENT_FILTER) return new Failure(Kind.REFUSED, 0, null, null);
        if (reply == null || reply.isBlank()) return new Failure(Kind.EMPTY, 0, null, null);
        String text = reply.strip().replace('’', '\'');
        if (REFUSAL.matcher(text).matches() && !MARKERS.matcher(text).find()) return new Failure(Kind.REFUSED, 0, null, null);
        return null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    enum Kind { TIMEOUT, RATE_LIMITED, HTTP_ERROR, MALFORMED, EMPTY, REFUSED, OTHER }

    /** Why a model call failed; {@code status} is 0 when no HTTP status was seen. */
    record Failure(Kind kind, int status, Duration retryAfter, String exception) {
        static Failure classify(Throwable error) {
            int status = 0;
            Duration retryAfter = null;
            boolean timeout = false;
            boolean rateLimited = false;
            boolean json = false;
            for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof HttpException h && status == 0) status = h.statusCode();
                if (t instanceof ProviderHttpException p && retryAfter == null) retryAfter = p.retryAfter().orElse(null);
                if (t instanceof RateLimitException) rateLimited = true;
                if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof java.net.http.HttpTimeoutException
                        || t instanceof java.net.SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                    timeout = true;
                }
                String name = t.getClass().getName();
                if (name.contains("Json") || name.contains("Jackson") || name.contains("MismatchedInput")) json = true;
            }
            String exception = error.getClass().getSimpleName();
            if (status == 429 || rateLimited) return new Failure(Kind.RATE_LIMITED, status, retryAfter, exception);
            if (status != 0) return new Failure(Kind.HTTP_ERROR, status, retryAfter, exception);
            if (timeout) return new Failure(Kind.TIMEOUT, 0, null, exception);
            if (json) return new Failure(Kind.MALFORMED, 0, null, exception);
            return new Failure(Kind.OTHER, 0, null, exception);
        }

        String note(String provider) {
            String who = "The chat model (" + provider + ")";
            String what = switch (kind) {
                case TIMEOUT -> " did not answer in time";
                case RATE_LIMITED -> " is rate-limited right now";
                case HTTP_ERROR -> " is unavailable (HTTP " + status + ")";
                case MALFORMED -> " sent a reply that could not be read";
                case EMPTY -> " sent an empty reply";
                case REFUSED -> " declined to answer";
                case OTHER -> " could not be reached";
            };
            return who + what + "; showing quoted sentences instead.";
        }

        String describe() {
            return kind.name().toLowerCase(Locale.ROOT) + (status == 0 ? "" : ", HTTP " + status)
                    + (exception == null ? "" : " (" + exception + ")");
        }
    }

    /** A failed model call, carried out of the retry loop. */
    static final class ModelFailure extends Exception {
        private final transient Failure failure;

        ModelFailure(Failure failure, Throwable cause) {
            super(failure.describe(), cause, false, false);
            this.failure = failure;
        }

        Failure failure() {
            return failure;
        }

        String note(String provider) {
            return failure.note(provider);
        }
    }
}
