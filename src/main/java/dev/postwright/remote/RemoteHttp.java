package dev.postwright.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.wire.Json;
import java.io.IOException;
import java.util.Optional;
import okhttp3.Request;
import okhttp3.Response;

/** What both dialects' clients do the same way over HTTP. */
final class RemoteHttp {
    private RemoteHttp() {}

    /** Sends a request (authorized by the caller) and returns its response. */
    @FunctionalInterface
    interface Caller {
        Response call(Request.Builder request) throws IOException;
    }

    /** The request with the server's token as a Bearer header, when it has one; never in the URL. */
    static Request.Builder authorized(Request.Builder request, RemoteServer server) {
        if (server.token() != null && !server.token().isBlank()) request.header("Authorization", "Bearer " + server.token());
        return request;
    }

    /**
     * {@code GET url} as JSON; empty when the server says 404.
     *
     * @throws RemoteException for any other failure, in words
     */
    static Optional<JsonNode> getJson(Caller caller, RemoteServer server, String url, String what) {
        try (Response response = caller.call(new Request.Builder().url(url))) {
            String body = response.body().string();
            if (response.code() == 404) return Optional.empty();
            if (!response.isSuccessful()) {
                throw new RemoteException(RemoteErrors.describe(response.code(), body), response.code());
            }
            return Optional.of(Json.parse(body, what));
        } catch (IOException e) {
            throw new RemoteException(RemoteErrors.unreachable(server, e), 0);
        }
    }
}
