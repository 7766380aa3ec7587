package dev.newsdesk.cli;

import picocli.CommandLine.Option;

/** Ad-hoc choice of answerer, overriding config/: keys still come only from the environment. */
final class ChatOptions {
    @Option(names = "--answerer", paramLabel = "KIND",
            description = "extractive (offline, default), openai, anthropic or ollama. Keys: OPENAI_API_KEY / ANTHROPIC_API_KEY.")
    String answerer;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Provider base URL, e.g. http://localhost:8000/v1 for vLLM, llama.cpp server or LM Studio (with --answerer openai).")
    String baseUrl;

    @Option(names = "--model", paramLabel = "NAME", description = "Chat model name (default per provider).")
    String model;
}
