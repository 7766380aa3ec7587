package dev.newsdesk.answer;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.newsdesk.retrieve.Hit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@link PassageQa} on a LangChain4j chat model with MultiHop-RAG's own prompt ({@code prompts/multihop-answer.txt}):
 * the passages are joined as the benchmark's {@code qa_llama.py} joins its retrieval list (with a line of dashes
 * between them), so the reply can be scored with the benchmark's answer rule. Thread-safe when the model is.
 */
public final class ChatPassageQa implements PassageQa {
    /** The separator qa_llama.py puts between context passages. */
    static final String SEPARATOR = "\n\n--------------\n\n";

    private final ChatModel model;
    private final PromptLibrary prompts;

    public ChatPassageQa(ChatModel model, PromptLibrary prompts) {
        this.model = Objects.requireNonNull(model, "model");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
    }

    @Override
    public String answer(String question, List<Hit> passages) {
        String context = passages.stream().map(Hit::text).collect(Collectors.joining(SEPARATOR));
        PromptLibrary.Rendered prompt = prompts.render(PromptLibrary.Name.MULTIHOP_ANSWER,
                Map.of("question", question, "context", context));
        ChatResponse response = model.chat(ChatRequest.builder().messages(prompt.messages()).build());
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        return text == null ? "" : text.strip();
    }
}
