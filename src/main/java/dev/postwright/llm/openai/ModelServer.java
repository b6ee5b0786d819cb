package dev.postwright.llm.openai;

import java.time.Duration;

/**
 * Where and how to reach an OpenAI-compatible server: Ollama, LM Studio, llama.cpp's server,
 * vLLM or OpenAI itself.
 *
 * @param baseUrl     up to and including the API version, e.g. {@code http://localhost:11434/v1}
 * @param apiKey      sent as a Bearer token when set; never printed ({@link #toString()} hides it)
 * @param readTimeout the longest silence accepted between two pieces of a reply (a local model
 *                    may take a while to load before its first token)
 */
public record ModelServer(String baseUrl, String model, double temperature, int maxTokens, String apiKey,
                          Duration connectTimeout, Duration readTimeout) {
    public static final String OLLAMA_URL = "http://localhost:11434/v1";

    public ModelServer {
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
    }

    public static ModelServer of(String baseUrl, String model) {
        return new ModelServer(baseUrl, model, 0.7, 4096, null, Duration.ofSeconds(10), Duration.ofMinutes(5));
    }

    public ModelServer withApiKey(String key) {
        return new ModelServer(baseUrl, model, temperature, maxTokens, key, connectTimeout, readTimeout);
    }

    public ModelServer withReadTimeout(Duration timeout) {
        return new ModelServer(baseUrl, model, temperature, maxTokens, apiKey, connectTimeout, timeout);
    }

    @Override
    public String toString() {
        return "ModelServer[" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "(set)") + "]";
    }
}
