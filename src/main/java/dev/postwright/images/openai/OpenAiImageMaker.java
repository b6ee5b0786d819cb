package dev.postwright.images.openai;

import dev.postwright.images.ImageBytes;
import dev.postwright.images.ImageMaker;
import dev.postwright.images.ImageRequest;
import dev.postwright.images.ImageRequests;
import dev.postwright.images.ImageSize;
import dev.postwright.images.MadeImage;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobCancelledException;
import dev.postwright.jobs.JobFailure;
import dev.postwright.wire.ImageGenerationCodec;
import dev.postwright.wire.ImageGenerationCodec.Generated;
import dev.postwright.wire.WireFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Makes pictures with any server that speaks OpenAI's {@code POST /v1/images/generations}:
 * LocalAI, stable-diffusion.cpp's server, OpenAI. Asks for {@code b64_json}, and asks once more
 * without {@code response_format} when a server refuses the field; takes the picture as base64, as
 * a URL to fetch (http or https) or as a {@code data:} URL, and keeps it only when its bytes prove
 * it whole ({@link ImageBytes}) and it is at most {@link #MAX_IMAGE_BYTES}. Cancelling aborts the
 * request in flight. Thread-safe: one instance serves every job.
 */
public final class OpenAiImageMaker implements ImageMaker {
    /** The largest picture accepted; a reply is read no further than this (in base64, a third more). */
    public static final int MAX_IMAGE_BYTES = 20 * 1024 * 1024;
    /** The sizes OpenAI's models take, for a settings picker; {@link #accepts} takes any other within 64-4096 too. */
    public static final List<ImageSize> COMMON_SIZES = List.of(new ImageSize(256, 256), new ImageSize(512, 512),
            new ImageSize(1024, 1024), new ImageSize(1792, 1024), new ImageSize(1024, 1792), new ImageSize(1536, 1024),
            new ImageSize(1024, 1536));
    static final int MIN_SIDE = 64;
    static final int MAX_SIDE = 4096;
    /** A base64 reply of the largest picture, with room for the JSON around it. */
    private static final long MAX_REPLY_BYTES = (MAX_IMAGE_BYTES + 2L) / 3 * 4 + 64 * 1024;
    private static final System.Logger LOG = System.getLogger(OpenAiImageMaker.class.getName());
    private static final MediaType JSON = MediaType.get("application/json");

    private final ImageServer server;
    private final OkHttpClient client;
    private final ImageDownloads downloads;

    /**
     * @param client shared with the text writers ({@code HttpClients.shared()}); this maker uses a
     *               copy with the server's timeouts, leaving the shared one as it is
     */
    public OpenAiImageMaker(ImageServer server, OkHttpClient client) {
        this.server = server;
        this.client = client.newBuilder().connectTimeout(server.connectTimeout()).readTimeout(server.readTimeout())
                .build();
        this.downloads = new ImageDownloads(server, this.client);
    }

    @Override
    public String source() {
        return server.model();
    }

    /**
     * Any size with both sides within 64-4096: OpenAI's own (256, 512 and 1024 squares, 1792x1024,
     * 1536x1024 and their portraits) and whatever a local server may take; the server has the last word.
     */
    @Override
    public boolean accepts(ImageSize size) {
        return size.width() >= MIN_SIDE && size.height() >= MIN_SIDE && size.width() <= MAX_SIDE
                && size.height() <= MAX_SIDE;
    }

    @Override
    public String sizeRule() {
        return "an image server takes sizes such as 1024x1024, 1792x1024 or 1024x1792, each side between " + MIN_SIDE
                + " and " + MAX_SIDE + " pixels";
    }

    @Override
    public ImageSize defaultSize() {
        return server.defaultSize();
    }

    @Override
    public MadeImage make(ImageRequest request, CancellationToken cancel) throws JobFailure {
        ImageRequests.check(request, this);
        cancel.throwIfCancelled();
        byte[] bytes = switch (generate(request, true, cancel)) {
            case Generated.Bytes b -> b.bytes();
            case Generated.Link link -> downloads.fetch(link.url(), cancel);
        };
        if (bytes.length > MAX_IMAGE_BYTES) throw ImageFailures.tooLarge();
        try {
            ImageBytes.Picture picture = ImageBytes.inspect(bytes);
            return MadeImage.of(bytes, picture.mediaType(), picture.width(), picture.height(), server.model());
        } catch (ImageBytes.NotAnImageException e) {
            throw ImageFailures.notAnImage(e, "");
        }
    }

    private Generated generate(ImageRequest request, boolean askForBase64, CancellationToken cancel) throws JobFailure {
        String body = ImageGenerationCodec.request(server.model(), request.prompt(), request.size().toString(),
                askForBase64);
        var builder = new Request.Builder().url(server.generationsUrl()).header("Accept", "application/json")
                .post(RequestBody.create(body, JSON));
        String key = server.key();
        if (key != null) builder.header("Authorization", "Bearer " + key);
        var call = client.newCall(builder.build());
        try (var abort = cancel.onCancel(call::cancel); Response response = call.execute()) {
            if (!response.isSuccessful()) {
                String message = errorMessage(response).orElse(null);
                if (askForBase64 && response.code() == 400 && ImageFailures.mentionsResponseFormat(message)) {
                    LOG.log(Level.INFO, "The image server at {0} refused response_format; asking again without it",
                            server.baseUrl());
                    response.close();
                    return generate(request, false, cancel);
                }
                throw ImageFailures.forStatus(response.code(), message, response.header("Retry-After"), server);
            }
            return read(response);
        } catch (IOException e) {
            if (cancel.isCancelled()) throw new JobCancelledException(cancel.reason());
            throw ImageFailures.forException(e, server);
        }
    }

    /** The reply's picture: JSON as OpenAI writes it, or the picture itself from servers that send it bare. */
    private Generated read(Response response) throws IOException, JobFailure {
        ImageDownloads.refuseDeclaredOversize(response, MAX_REPLY_BYTES);
        String type = Objects.requireNonNullElse(response.header("Content-Type"), "no content type");
        if (type.toLowerCase(Locale.ROOT).startsWith("image/")) {
            return new Generated.Bytes(ImageDownloads.readCapped(response));
        }
        try (var in = new BufferedInputStream(new CappedStream(response.body().byteStream(), MAX_REPLY_BYTES))) {
            in.mark(512);
            byte[] head = in.readNBytes(512);
            in.reset();
            String start = new String(head, StandardCharsets.ISO_8859_1).strip();
            if (!start.startsWith("{")) throw ImageFailures.notJson(ImageBytes.describe(head), type);
            return ImageGenerationCodec.reply(in);
        } catch (WireFormatException e) {
            throw ImageFailures.badReply(e.getMessage());
        }
    }

    private static Optional<String> errorMessage(Response response) {
        try {
            return ImageGenerationCodec.errorMessage(response.peekBody(16 * 1024).string());
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }
}
