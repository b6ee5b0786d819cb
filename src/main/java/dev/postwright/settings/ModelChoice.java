package dev.postwright.settings;

/**
 * Who writes the posts: the offline drafting engine, or an OpenAI-compatible server. The API
 * key is not part of the choice: it lives in a {@link SecretStore}, under the server's URL.
 *
 * @param baseUrl the server's URL up to the API version, e.g. {@code http://localhost:11434/v1};
 *                null for the offline engine
 * @param model   the server's model id; null for the offline engine
 */
public record ModelChoice(String baseUrl, String model) {
    public static final ModelChoice OFFLINE = new ModelChoice(null, null);

    public ModelChoice {
        if (baseUrl != null) baseUrl = baseUrl.strip().replaceAll("/+$", "");
        if (baseUrl != null && baseUrl.isEmpty()) baseUrl = null;
        if (model != null && model.isBlank()) model = null;
        if (baseUrl == null) model = null;
    }

    public static ModelChoice server(String baseUrl, String model) {
        return new ModelChoice(baseUrl, model);
    }

    public boolean isOffline() {
        return baseUrl == null;
    }
}
