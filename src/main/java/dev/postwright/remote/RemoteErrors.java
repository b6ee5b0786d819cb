package dev.postwright.remote;

import dev.postwright.model.FieldProblem;
import dev.postwright.wire.ServerReplies;
import java.util.List;
import java.util.regex.Pattern;

/** What a remote failure means to a writer, in words; tokens are scrubbed from anything shown. */
final class RemoteErrors {
    private static final Pattern TOKEN_IN_URL = Pattern.compile("(?i)([?&](?:token|access_token)=)[^&\\s]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(Bearer\\s+)[\\w.~+/=-]+");

    private RemoteErrors() {}

    /** The sentence for an HTTP error reply. */
    static String describe(int status, String body) {
        return switch (status) {
            case 401 -> "The server did not accept your sign-in. Sign in again: paste a new token in Settings.";
            case 404 -> "The job is gone from the server, or it belongs to someone else.";
            case 503 -> "The server's job queue is down. Try again in a few minutes.";
            case 400 -> serverMessage(body, "The server refused the request.");
            default -> "The server answered HTTP " + status + "." + suffix(serverMessage(body, null));
        };
    }

    /** The sentence for a server that could not be reached or dropped the connection. */
    static String unreachable(RemoteServer server, Exception e) {
        return "Cannot reach the server at " + server.baseUrl() + " (" + scrub(String.valueOf(e.getMessage()))
                + "). Check the address in Settings, that the server is running, and your network.";
    }

    /** The {@code message} (or {@code error}, or FastAPI's {@code detail}) of an error body. */
    static String serverMessage(String body, String fallback) {
        return ServerReplies.message(body).map(RemoteErrors::scrub).orElse(fallback);
    }

    /** The server's field problems with tokens removed from their sentences. */
    static List<FieldProblem> scrubbed(List<FieldProblem> problems) {
        return problems.stream().map(p -> new FieldProblem(p.field(), scrub(p.message()))).toList();
    }

    /** Removes tokens from text that may be shown or logged. */
    static String scrub(String text) {
        if (text == null) return null;
        return BEARER.matcher(TOKEN_IN_URL.matcher(text).replaceAll("$1[hidden]")).replaceAll("$1[hidden]");
    }

    private static String suffix(String message) {
        return message == null ? "" : " " + message;
    }
}
