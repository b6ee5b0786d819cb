package dev.postwright.images.openai;

import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobCancelledException;
import dev.postwright.jobs.JobFailure;
import java.io.IOException;
import java.util.Base64;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches the picture a reply points at: a {@code data:image/…;base64,} URL is decoded, an http or
 * https URL is fetched with a GET (with the key only when it is the image server's own origin:
 * OpenAI's links are signed storage URLs on another host, which must never see the key), and any
 * other scheme is refused. Bodies are read no further than {@link OpenAiImageMaker#MAX_IMAGE_BYTES}.
 */
final class ImageDownloads {
    private final ImageServer server;
    private final OkHttpClient client;

    ImageDownloads(ImageServer server, OkHttpClient client) {
        this.server = server;
        this.client = client;
    }

    byte[] fetch(String url, CancellationToken cancel) throws JobFailure {
        if (url.regionMatches(true, 0, "data:", 0, 5)) return dataUrl(url);
        HttpUrl link = HttpUrl.parse(url);
        if (link == null) {
            throw ImageFailures.badReply("The image server pointed at \"" + clip(url) + "\", which is not an http or "
                    + "https address.");
        }
        var builder = new Request.Builder().url(link).header("Accept", "image/*");
        HttpUrl own = HttpUrl.parse(server.generationsUrl());
        String key = server.key();
        if (key != null && own != null && sameOrigin(link, own)) builder.header("Authorization", "Bearer " + key);
        var call = client.newCall(builder.build());
        try (var abort = cancel.onCancel(call::cancel); Response response = call.execute()) {
            if (!response.isSuccessful()) throw ImageFailures.download(response.code());
            refuseDeclaredOversize(response, OpenAiImageMaker.MAX_IMAGE_BYTES);
            return readCapped(response);
        } catch (IOException e) {
            if (cancel.isCancelled()) throw new JobCancelledException(cancel.reason());
            throw ImageFailures.forException(e, server);
        }
    }

    /** Refuses, without reading it, a body whose declared length is over {@code cap}. */
    static void refuseDeclaredOversize(Response response, long cap) throws JobFailure {
        if (response.body().contentLength() > cap) throw ImageFailures.tooLarge();
    }

    /** The whole body, or {@link CappedStream.TooLargeException} once it passes the cap. */
    static byte[] readCapped(Response response) throws IOException {
        try (var in = new CappedStream(response.body().byteStream(), OpenAiImageMaker.MAX_IMAGE_BYTES)) {
            return in.readAllBytes();
        }
    }

    /** {@code data:image/png;base64,iVBOR…}: only base64 image data is taken. */
    private static byte[] dataUrl(String url) throws JobFailure {
        int comma = url.indexOf(',');
        String header = comma < 0 ? "" : url.substring(5, comma).toLowerCase(Locale.ROOT);
        if (!header.startsWith("image/") || !header.endsWith(";base64")) {
            throw ImageFailures.badReply("The image server sent a data: URL that is not a base64 image (\""
                    + clip(url) + "\").");
        }
        if ((url.length() - comma - 1) / 4L * 3 > OpenAiImageMaker.MAX_IMAGE_BYTES + 3) throw ImageFailures.tooLarge();
        try {
            return Base64.getMimeDecoder().decode(url.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw ImageFailures.badReply("The image server's data: URL is not valid base64.");
        }
    }

    private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
    }

    private static String clip(String url) {
        return url.length() > 60 ? url.substring(0, 60) + "…" : url;
    }
}
