package dev.postwright.settings;

/**
 * Who writes the posts: the offline drafting engine, an OpenAI-compatible server, or a built-in
 * model (a GGUF file run in-process). The API key is not part of the choice: it lives in a
 * {@link SecretStore}, under the server's URL.
 *
 * @param baseUrl the server's URL up to the API version, e.g. {@code http://localhost:11434/v1};
 *                null unless a server writes
 * @param model   the server's model id; null unless a server writes
 * @param builtin the built-in model; null unless it writes (then the server fields are null)
 */
public record ModelChoice(String baseUrl, String model, BuiltinChoice builtin) {
    public static final ModelChoice OFFLINE = new ModelChoice(null, null, null);

    public ModelChoice {
        if (builtin != null) baseUrl = null;
        if (baseUrl != null) baseUrl = baseUrl.strip().replaceAll("/+$", "");
        if (baseUrl != null && baseUrl.isEmpty()) baseUrl = null;
        if (model != null && model.isBlank()) model = null;
        if (baseUrl == null) model = null;
    }

    public ModelChoice(String baseUrl, String model) {
        this(baseUrl, model, null);
    }

    public static ModelChoice server(String baseUrl, String model) {
        return new ModelChoice(baseUrl, model, null);
    }

    public static ModelChoice builtin(BuiltinChoice choice) {
        return new ModelChoice(null, null, choice);
    }

    /** The offline drafting engine, which writes scaffolds. */
    public boolean isOffline() {
        return baseUrl == null && builtin == null;
    }

    public boolean isServer() {
        return baseUrl != null;
    }

    public boolean isBuiltin() {
        return builtin != null;
    }
}
