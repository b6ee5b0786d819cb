package dev.postwright.llm.openai;

import dev.postwright.jobs.JobFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What went wrong talking to a model server, in words a writer can act on. Network trouble,
 * rate limits and server errors are transient (retried with backoff); a refused key, an unknown
 * model, a request the model cannot take are not. Messages never contain the API key.
 */
final class Failures {
    private Failures() {}

    static JobFailure forStatus(int status, String serverMessage, String retryAfter, ModelServer server) {
        String detail = serverMessage == null || serverMessage.isBlank() ? "" : ": " + clip(serverMessage);
        if (status == 401 || status == 403) {
            return JobFailure.permanent("The model server refused the API key (HTTP " + status + "). Check the key in "
                    + "Settings.", "AUTH");
        }
        if (status == 404) {
            return JobFailure.permanent("The model server does not know the model \"" + server.model() + "\" (HTTP 404)"
                    + ". Choose one from the server's list in Settings.", "MODEL_NOT_FOUND");
        }
        if (status == 429) {
            Duration wait = retryAfter(retryAfter);
            return JobFailure.transientFailure("The model server is busy and asked us to slow down (HTTP 429)"
                    + (wait == null ? "" : "; trying again in " + Math.max(1, wait.toSeconds()) + " s") + ".",
                    "RATE_LIMITED", wait, null);
        }
        if (isContextTooLong(serverMessage)) {
            return JobFailure.permanent("The brief and draft are too long for this model's context window. Choose a "
                    + "model with a larger context, or shorten the additional instructions.", "CONTEXT_TOO_LONG");
        }
        if (status >= 500) {
            return JobFailure.transientFailure("The model server had an internal error (HTTP " + status + ")" + detail
                    + ".", "SERVER_ERROR", null, null);
        }
        return JobFailure.permanent("The model server rejected the request (HTTP " + status + ")" + detail + ".",
                "BAD_REQUEST");
    }

    static JobFailure forException(IOException e, ModelServer server, boolean midReply) {
        if (e instanceof ConnectException || e instanceof UnknownHostException) {
            return JobFailure.transientFailure("Cannot reach the model server at " + server.baseUrl() + ". " + hint(server),
                    "UNREACHABLE", null, e);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return JobFailure.transientFailure("The model server stopped answering (no reply within "
                    + server.readTimeout().toSeconds() + " s).", "TIMEOUT", null, e);
        }
        if (midReply) {
            return JobFailure.transientFailure("The connection to the model server dropped in the middle of its reply; "
                    + "what it had written so far is kept.", "DISCONNECTED", null, e);
        }
        return JobFailure.transientFailure("The connection to the model server failed (" + e.getClass().getSimpleName()
                + ").", "NETWORK", null, e);
    }

    static JobFailure notStreaming(String contentType) {
        return JobFailure.permanent("The model server answered with " + contentType + " instead of a stream; check that "
                + "the base URL points at an OpenAI-compatible API (it usually ends in /v1).", "NOT_STREAMING");
    }

    /** "Is Ollama running at http://localhost:11434?" for the well-known local ports. */
    static String hint(ModelServer server) {
        try {
            URI uri = URI.create(server.baseUrl());
            String origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            String name = switch (uri.getPort()) {
                case 11434 -> "Ollama";
                case 1234 -> "LM Studio";
                case 8080 -> "the llama.cpp server";
                case 8000 -> "vLLM";
                default -> "the model server";
            };
            return "Is " + name + " running at " + origin + "?";
        } catch (IllegalArgumentException e) {
            return "Check the base URL in Settings.";
        }
    }

    private static boolean isContextTooLong(String message) {
        if (message == null) return false;
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("context length") || m.contains("context window") || m.contains("maximum context")
                || m.contains("too many tokens") || m.contains("context_length_exceeded");
    }

    /** Seconds, or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) return null;
        try {
            return Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            try {
                var at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }

    private static String clip(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
