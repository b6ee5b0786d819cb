package dev.postwright.images.openai;

import dev.postwright.images.ImageSize;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where and how to reach an OpenAI-compatible image server: LocalAI, stable-diffusion.cpp's
 * server, OpenAI itself. What the settings card edits; the key stays in the keyring and is asked
 * for on every request, so a changed key applies to the next image without rebuilding anything.
 *
 * @param baseUrl        the server's address, with or without the API version: {@code http://localhost:8080}
 *                       and {@code http://localhost:8080/v1} both reach {@code /v1/images/generations}
 * @param model          sent as {@code model}, and recorded as the images' source
 * @param defaultSize    the size used when a request's writer chose none
 * @param apiKey         the Bearer token, read when a request is sent; null or blank for none. Never
 *                       printed ({@link #toString()} shows only whether one is set)
 * @param connectTimeout how long to wait for the server to accept a connection
 * @param readTimeout    the longest silence accepted; servers say nothing until the picture is
 *                       done, and a CPU-only server can take minutes
 */
public record ImageServer(String baseUrl, String model, ImageSize defaultSize, Supplier<String> apiKey,
                          Duration connectTimeout, Duration readTimeout) {
    public static final String LOCALAI_URL = "http://localhost:8080";

    public ImageServer {
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(defaultSize, "defaultSize");
        if (apiKey == null) apiKey = () -> null;
    }

    /** No key, 1024x1024, 10 s to connect and 5 minutes for the picture. */
    public static ImageServer of(String baseUrl, String model) {
        return new ImageServer(baseUrl, model, new ImageSize(1024, 1024), () -> null, Duration.ofSeconds(10),
                Duration.ofMinutes(5));
    }

    public ImageServer withApiKey(Supplier<String> key) {
        return new ImageServer(baseUrl, model, defaultSize, key, connectTimeout, readTimeout);
    }

    public ImageServer withDefaultSize(ImageSize size) {
        return new ImageServer(baseUrl, model, size, apiKey, connectTimeout, readTimeout);
    }

    public ImageServer withReadTimeout(Duration timeout) {
        return new ImageServer(baseUrl, model, defaultSize, apiKey, connectTimeout, timeout);
    }

    /** {@code {baseUrl}/v1/images/generations}, without doubling a {@code /v1} the address already ends in. */
    public String generationsUrl() {
        return (baseUrl.endsWith("/v1") ? baseUrl : baseUrl + "/v1") + "/images/generations";
    }

    /** The key, or null when none is set. */
    String key() {
        String key = apiKey.get();
        return key == null || key.isBlank() ? null : key.strip();
    }

    @Override
    public String toString() {
        return "ImageServer[" + baseUrl + ", model=" + model + ", size=" + defaultSize + ", apiKey="
                + (key() == null ? "none" : "(set)") + "]";
    }
}
