package dev.postwright.images.openai;

import dev.postwright.images.ImageBytes;
import dev.postwright.jobs.JobFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What went wrong with an image server, one sentence each, in words a writer can act on. Network
 * trouble, time-outs, rate limits, server errors and pictures cut off in transfer are transient;
 * a refused key, an unknown model, a reply that is no image or too large are not. A server's own
 * words are quoted clipped, with the key blanked out should the server echo it.
 */
final class ImageFailures {
    private static final Pattern MODEL_MISSING = Pattern.compile(
            "model.*(not found|does not exist|unknown|no such|not available|not loaded)|(unknown|invalid|no such) model"
                    + "|(could not|cannot|failed to) load( the)? model|model_not_found");

    private ImageFailures() {}

    static JobFailure forStatus(int status, String serverMessage, String retryAfter, ImageServer server) {
        String detail = serverMessage == null || serverMessage.isBlank() ? "" : ": " + clip(serverMessage, server);
        if (status == 401 || status == 403) {
            return JobFailure.permanent("The image server refused the API key (HTTP " + status + "). Check the key in "
                    + "Settings.", "AUTH");
        }
        if (status == 404 || mentionsMissingModel(serverMessage)) {
            return JobFailure.permanent("The image server at " + server.baseUrl() + " does not know the model \""
                    + server.model() + "\" (HTTP " + status + ")" + detail + ". Check the model, and that the address "
                    + "points at an OpenAI-compatible image API.", "MODEL_NOT_FOUND");
        }
        if (status == 429) {
            Duration wait = seconds(retryAfter);
            return JobFailure.transientFailure("The image server is busy and asked us to slow down (HTTP 429)"
                    + (wait == null ? "" : "; trying again in " + Math.max(1, wait.toSeconds()) + " s") + ".",
                    "RATE_LIMITED", wait, null);
        }
        if (status >= 500) {
            return JobFailure.transientFailure("The image server had an internal error (HTTP " + status + ")" + detail
                    + ".", "SERVER_ERROR", null, null);
        }
        return JobFailure.permanent("The image server refused the request (HTTP " + status + ")" + detail + ".",
                "BAD_REQUEST");
    }

    static JobFailure forException(IOException e, ImageServer server) {
        if (e instanceof CappedStream.TooLargeException) return tooLarge();
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
            return JobFailure.transientFailure("Cannot reach the image server at " + server.baseUrl() + ". Is it running, "
                    + "and is the address in Settings right?", "UNREACHABLE", null, e);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return JobFailure.transientFailure("The image server did not answer within "
                    + server.readTimeout().toSeconds() + " s.", "TIMEOUT", null, e);
        }
        return JobFailure.transientFailure("The connection to the image server failed (" + e.getClass().getSimpleName()
                + ").", "NETWORK", null, e);
    }

    static JobFailure notAnImage(ImageBytes.NotAnImageException e, String where) {
        String sentence = "The image server sent " + e.getMessage() + " instead of a picture" + where + ".";
        return e.broken() ? JobFailure.transientFailure(sentence, "NOT_AN_IMAGE", null, e)
                : JobFailure.permanent(sentence + " Check that the address points at an image API.", "NOT_AN_IMAGE");
    }

    /** The link of a reply did not give the picture; a new generation brings a new link, so it may pass. */
    static JobFailure download(int status) {
        return JobFailure.transientFailure("The image server made the picture, but its link did not give it (HTTP "
                + status + ").", "DOWNLOAD_FAILED", null, null);
    }

    static JobFailure notJson(String description, String contentType) {
        return JobFailure.permanent("The image server sent " + description + " (" + contentType + ") instead of an image "
                + "reply. Check that the address points at an OpenAI-compatible image API.", "NOT_AN_IMAGE");
    }

    static JobFailure tooLarge() {
        return JobFailure.permanent("The image server's picture is larger than " + OpenAiImageMaker.MAX_IMAGE_BYTES
                / (1024 * 1024) + " MB, the most Postwright accepts; choose a smaller size.", "IMAGE_TOO_LARGE");
    }

    static JobFailure badReply(String why) {
        return JobFailure.permanent(why + " Check that the address points at an OpenAI-compatible image API.",
                "BAD_REPLY");
    }

    static boolean mentionsResponseFormat(String serverMessage) {
        return serverMessage != null && serverMessage.toLowerCase(Locale.ROOT).contains("response_format");
    }

    private static boolean mentionsMissingModel(String message) {
        return message != null && MODEL_MISSING.matcher(message.toLowerCase(Locale.ROOT)).find();
    }

    private static Duration seconds(String header) {
        if (header == null) return null;
        try {
            return Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException dateOrJunk) {
            return null; // an HTTP date: the backoff's own delay serves as well
        }
    }

    private static String clip(String message, ImageServer server) {
        String one = message.replaceAll("\\s+", " ").strip();
        String key = server.key();
        if (key != null) one = one.replace(key, "(key)");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
