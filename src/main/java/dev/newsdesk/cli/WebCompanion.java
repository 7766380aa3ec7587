package dev.newsdesk.cli;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.answer.Question;
import dev.newsdesk.store.AnswerLog;
import dev.newsdesk.store.FeedbackRepository;
import dev.newsdesk.store.QuestionRecord;
import dev.newsdesk.store.Recording;
import dev.newsdesk.web.AnswerRecorder;
import dev.newsdesk.web.ApiJson;
import dev.newsdesk.web.InsightsSource;
import dev.newsdesk.web.WebServer;
import dev.newsdesk.web.WebServices;
import dev.newsdesk.web.WebSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * Wires the web companion from the same objects {@code ask}, {@code search} and {@code cite} use (one answerer,
 * one retriever, one catalog, the CLI's JSON shapes), for {@code serve} and for {@code bot} with web.enabled=true.
 */
final class WebCompanion {
    private WebCompanion() {}

    /** The {@code --json} serializers of ask, search and cite, so the API prints what the CLI prints. */
    static final ApiJson CLI_JSON = new ApiJson() {
        @Override
        public String answer(Answer answer, Long id) {
            return Json.write(AskCommand.Output.of(answer, id));
        }

        @Override
        public String search(String query, List<Hit> hits) {
            return Json.write(new SearchCommand.Output(query, hits));
        }

        @Override
        public String value(Object value) {
            return Json.write(value);
        }
    };

    /**
     * The web has no sign-in, so every web question is stored under one user: nothing that identifies a reader
     * (no address, no cookie) is kept, and {@code forget --user web:anonymous} removes them all.
     */
    static final String WEB_USER = "web:anonymous";

    /**
     * @param log the store the insights page reads and web answers are written to (the database opens on first
     *            use, off the start-up path; when it is down the page says so and answers still work)
     */
    static WebServices services(App app, PrintWriter err, ChatOptions chat, AnswerLog log) {
        InsightsSource insights = log::insights;
        AnswerRecorder recorder = new AnswerRecorder() {
            @Override
            public Optional<Long> record(Question question, Answer answer, long latencyMs) {
                return log.record(Recording.of(answer, question, latencyMs, QuestionRecord.Surface.WEB, WEB_USER, null,
                        null, null, app.catalog(err)));
            }

            @Override
            public VoteResult vote(long questionId, boolean helpful) {
                Optional<QuestionRecord> q = log.question(questionId);
                // empty is also what a store that is down gives: its status tells the two apart
                if (q.isEmpty()) return "ok".equals(log.status()) ? VoteResult.NO_SUCH_ANSWER : VoteResult.UNAVAILABLE;
                if (q.get().surface() != QuestionRecord.Surface.WEB) return VoteResult.NO_SUCH_ANSWER;
                return log.vote(questionId, WEB_USER, helpful ? FeedbackRepository.Vote.UP : FeedbackRepository.Vote.DOWN)
                        ? VoteResult.RECORDED : VoteResult.UNAVAILABLE;
            }
        };
        return new WebServices(app.answerer(err, chat), app.retriever(err, true), app.catalog(err), CLI_JSON, insights,
                recorder);
    }

    /** Settings from config/ and the environment; {@code bind}/{@code port} from the command line win. */
    static WebSettings settings(App app, String bind, Integer port) {
        return WebSettings.from(app.config.properties(), System.getenv(), bind, port);
    }

    /** Builds and starts the server; the caller closes it. */
    static WebServer start(App app, PrintWriter err, ChatOptions chat, AnswerLog log, WebSettings settings) {
        return new WebServer(settings, services(app, err, chat, log)).start();
    }
}
