package dev.postwright.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.jobs.JobFailure;
import dev.postwright.wire.Json;
import dev.postwright.wire.WireFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** {@code GET {baseUrl}/models}: the models a server offers, for the settings' model picker. */
public final class ModelCatalog {
    private final Supplier<OkHttpClient> client;

    /** @param client asked for on the first request, so making a catalog costs nothing */
    public ModelCatalog(Supplier<OkHttpClient> client) {
        this.client = client;
    }

    /**
     * The ids of the server's models, in its order.
     *
     * @throws JobFailure with the same messages as a job would show (unreachable, refused key…)
     */
    public List<String> models(ModelServer server) throws JobFailure {
        var request = new Request.Builder().url(server.baseUrl() + "/models");
        if (server.apiKey() != null && !server.apiKey().isBlank()) request.header("Authorization", "Bearer " + server.apiKey());
        try (Response response = client.get().newCall(request.build()).execute()) {
            if (!response.isSuccessful()) {
                throw Failures.forStatus(response.code(), ChatStream.serverMessage(response), response.header("Retry-After"),
                        server);
            }
            JsonNode body = Json.parse(response.body().string(), "the model list");
            List<String> ids = new ArrayList<>();
            for (JsonNode m : body.path("data")) if (m.path("id").isTextual()) ids.add(m.path("id").asText());
            return ids;
        } catch (IOException e) {
            throw Failures.forException(e, server, false);
        } catch (WireFormatException e) {
            throw JobFailure.permanent("The model list from " + server.baseUrl() + " could not be read: " + e.getMessage(),
                    "BAD_MODEL_LIST");
        }
    }
}
