package dev.postwright.server;

import dev.postwright.model.StoredImage;
import dev.postwright.store.ImageStore;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /api/v1/images/{id}/file}: an image's bytes, to its owner only (anyone else is told
 * it does not exist), as {@code imageGeneration.images[].url} names it. The bytes are served as
 * the picture they are and nothing else: {@code nosniff}, and a sandboxing policy in case a
 * browser opens one as a page. {@link JobApiHandler} authenticates first.
 */
final class ImageRoutes {
    static final String BASE = "/api/v1/images";
    private static final System.Logger LOG = System.getLogger(ImageRoutes.class.getName());

    private final ImageStore images;

    ImageRoutes(ImageStore images) {
        this.images = images;
    }

    static boolean owns(String path) {
        return path.equals(BASE) || path.startsWith(BASE + "/");
    }

    void route(Request request, Response response, Callback callback, String user) {
        String[] parts = Request.getPathInContext(request).substring(BASE.length()).split("/", -1);
        if (parts.length != 3 || !parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].equals("file")) {
            Replies.error(response, callback, HttpStatus.NOT_FOUND_404, "Not found", "There is no such image route.");
            return;
        }
        if (!request.getMethod().equals("GET")) { Replies.methodNotAllowed(response, callback, "GET"); return; }
        Optional<StoredImage> image = images.findOwned(parts[1], user);
        if (image.isEmpty()) {
            Replies.error(response, callback, HttpStatus.NOT_FOUND_404, "Not found",
                    "Image not found: it may have been deleted with its post, or it belongs to someone else.");
            return;
        }
        byte[] bytes;
        try {
            bytes = images.bytes(image.get());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Image {0} cannot be served: {1}", image.get().id(), e.getMessage());
            Replies.error(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "Image unavailable",
                    "The image's file is missing or damaged on the server.");
            return;
        }
        response.setStatus(HttpStatus.OK_200);
        var headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, image.get().mediaType());
        headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
        headers.put(HttpHeader.CACHE_CONTROL, "private, max-age=31536000, immutable"); // an id's bytes never change
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", "default-src 'none'; sandbox");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
