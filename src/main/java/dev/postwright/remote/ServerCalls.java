package dev.postwright.remote;

import dev.postwright.model.PictureTypes;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * The HTTP both dialects' clients make to one server: the token as a Bearer header, and every
 * call's and stream's outcome reported to the {@link ConnectionMonitor}. The one exception is a job
 * API stream the server refused with the header: the stream is asked again with the token as the
 * {@code token} query parameter (job-stream-protocol.md §1: how EventSource streams are authorised),
 * and once that worked, this server's later streams start that way. Such a URL is never logged or
 * shown: anything about a call that is logged or shown goes through {@link RemoteErrors#scrub}.
 * Thread-safe; calls block.
 */
final class ServerCalls {
    private final RemoteServer server;
    private final OkHttpClient http;
    private final ConnectionMonitor monitor;
    private volatile boolean streamTokenInQuery;

    ServerCalls(RemoteServer server, OkHttpClient http, ConnectionMonitor monitor) {
        this.server = server;
        this.http = http;
        this.monitor = monitor;
    }

    RemoteServer server() {
        return server;
    }

    ConnectionMonitor monitor() {
        return monitor;
    }

    /** Sends the request, reports how the server answered (or that it could not be reached), returns the response. */
    Response execute(Request.Builder request) throws IOException {
        try {
            Response response = http.newCall(authorized(request).build()).execute();
            monitor.report(answered(response.code(), null));
            return response;
        } catch (IOException e) {
            monitor.report(unreachable(e));
            throw e;
        }
    }

    /** Sends the request without reporting its outcome: for a check, which reports its own conclusion. */
    Response probe(Request.Builder request) throws IOException {
        return probe(authorized(request), false);
    }

    /** As {@link #probe(Request.Builder)}, for a request already authorised (or, with {@code authorize}, to be). */
    Response probe(Request.Builder request, boolean authorize) throws IOException {
        return http.newCall((authorize ? authorized(request) : request).build()).execute();
    }

    /**
     * {@code GET url}'s body; empty when the server says 404.
     *
     * @throws RemoteException for any other failure, in words
     */
    Optional<String> get(String url) {
        try (Response response = execute(new Request.Builder().url(url))) {
            String body = response.body().string();
            if (response.code() == 404) return Optional.empty();
            if (!response.isSuccessful()) {
                throw new RemoteException(RemoteErrors.describe(response.code(), body), response.code());
            }
            return Optional.of(body);
        } catch (IOException e) {
            throw unreachableException(e);
        }
    }

    /**
     * The image at {@code path} on this server (a result's {@code imageGeneration.images[].url}),
     * with the token; empty when the server does not have it (404). Only PNG, JPEG or WebP of at
     * most {@code maxBytes} is taken; reading stops one byte past the cap.
     *
     * @throws RemoteException for any other failure, in words
     */
    Optional<RemoteEngine.Picture> image(String path, int maxBytes) {
        HttpUrl url = HttpUrl.get(server.baseUrl()).resolve(path);
        if (url == null || !url.host().equals(HttpUrl.get(server.baseUrl()).host())) {
            throw new RemoteException("The server named an image elsewhere (" + path + "); it was not fetched.", 0);
        }
        try (Response response = execute(new Request.Builder().url(url))) {
            if (response.code() == 404) return Optional.empty();
            if (!response.isSuccessful()) {
                throw new RemoteException(RemoteErrors.describe(response.code(), response.body().string()), response.code());
            }
            String type = response.header("Content-Type", "").split(";", 2)[0].strip();
            if (!PictureTypes.isPicture(type)) {
                throw new RemoteException("The server sent " + (type.isEmpty() ? "something" : type)
                        + " where an image was expected.", response.code());
            }
            byte[] bytes = response.body().byteStream().readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new RemoteException("The server's image is larger than " + (maxBytes / (1024 * 1024)) + " MB.", 0);
            }
            return Optional.of(new RemoteEngine.Picture(bytes, type));
        } catch (IOException e) {
            throw unreachableException(e);
        }
    }

    /** Opens a server-sent event stream, authorised by header; {@code silence} without a byte and it fails. */
    EventSource stream(Request.Builder request, Duration silence, EventSourceListener listener) {
        var client = http.newBuilder().readTimeout(silence).build();
        return EventSources.createFactory(client).newEventSource(authorized(request).build(), listener);
    }

    /**
     * Opens a job API stream at {@code url}; {@code silence} without a byte and it fails (the
     * read times out). With {@code tokenInQuery} the token goes in the URL instead of the header.
     */
    EventSource stream(HttpUrl url, Request.Builder request, boolean tokenInQuery, Duration silence,
                       EventSourceListener listener) {
        var client = http.newBuilder().readTimeout(silence).build();
        return EventSources.createFactory(client).newEventSource(streamRequest(url, request, tokenInQuery).build(),
                listener);
    }

    /** The stream request authorised by header, or by the {@code token} query parameter. */
    Request.Builder streamRequest(HttpUrl url, Request.Builder request, boolean tokenInQuery) {
        if (!tokenInQuery || !hasToken()) return authorized(request.url(url));
        return request.url(url.newBuilder().setQueryParameter("token", server.token()).build());
    }

    boolean hasToken() {
        return server.token() != null && !server.token().isBlank();
    }

    /** Whether this server's streams have taken the token only in the URL; they start that way from now on. */
    boolean streamTokenInQuery() {
        return streamTokenInQuery;
    }

    void streamsTakeTokenInQuery() {
        streamTokenInQuery = true;
    }

    /** What a stream learned about the connection: it opened or was refused, or it broke ({@code response} null). */
    void reportStream(Response response, Throwable failure) {
        if (response != null) monitor.report(answered(response.code(), null));
        else if (failure instanceof IOException e) monitor.report(unreachable(e));
    }

    /** How things stand after the server answered {@code code}. */
    Connection answered(int code, String body) {
        String host = server.host();
        if (code == 401 || code == 403) {
            return new Connection(Connection.State.REFUSED, host + " refused the token. Sign in again: paste a new "
                    + "token in Settings.");
        }
        if (code >= 500) return new Connection(Connection.State.UNREACHABLE, RemoteErrors.describe(code, body));
        return new Connection(Connection.State.CONNECTED, "Connected to " + host + "; it accepted your token.");
    }

    Connection unreachable(IOException e) {
        return new Connection(Connection.State.UNREACHABLE, RemoteErrors.unreachable(server, e));
    }

    RemoteException unreachableException(Exception e) {
        return new RemoteException(RemoteErrors.unreachable(server, e), 0);
    }

    /** The request with the server's token as a Bearer header, when it has one; never in the URL. */
    Request.Builder authorized(Request.Builder request) {
        if (hasToken()) request.header("Authorization", "Bearer " + server.token());
        return request;
    }
}
