package dev.postwright.settings;

/**
 * Who makes the pictures: the built-in offline maker, or an OpenAI-compatible image server. As
 * with {@link ModelChoice}, the key lives in a {@link SecretStore}, under {@link #keyName}.
 *
 * @param baseUrl the server's address (with or without {@code /v1}); null for the offline maker
 * @param model   the server's image model; null for the offline maker
 * @param size    the size to ask for when a job names none, {@code WxH}; null for the server's default
 */
public record ImageChoice(String baseUrl, String model, String size) {
    public static final ImageChoice OFFLINE = new ImageChoice(null, null, null);

    public ImageChoice {
        if (baseUrl != null) baseUrl = baseUrl.strip().replaceAll("/+$", "");
        if (baseUrl != null && baseUrl.isEmpty()) baseUrl = null;
        if (model != null && model.isBlank()) model = null;
        if (size != null && size.isBlank()) size = null;
        if (baseUrl == null) {
            model = null;
            size = null;
        }
    }

    public boolean isOffline() {
        return baseUrl == null || model == null;
    }

    /** The key store's name for the server's key: apart from a text model server's at the same address. */
    public static String keyName(String baseUrl) {
        return "image-server:" + baseUrl;
    }
}
