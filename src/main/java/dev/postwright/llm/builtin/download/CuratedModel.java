package dev.postwright.llm.builtin.download;

import java.net.URI;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One model Postwright offers to download, pinned by URL and SHA-256: the checksum is what makes a
 * download (from Hugging Face or a mirror) usable; a file whose checksum differs is never installed.
 *
 * @param name short id used on the command line and as the file name, e.g. {@code qwen2.5-1.5b-instruct}
 * @param displayName name shown to the writer
 * @param sizeBytes size of the published file in bytes (exact where a source stated it; the download
 *     itself trusts Content-Length and the checksum, not this figure)
 * @param licence the model's licence, in words
 * @param goodFor one line saying what the model is good for
 * @param url https address of the .gguf file on huggingface.co, pinned to a revision where known
 * @param sha256 lowercase hex SHA-256 of the file
 * @param trainedContext context length the model was trained for, if known
 */
public record CuratedModel(String name, String displayName, long sizeBytes, String licence, String goodFor,
        URI url, String sha256, OptionalInt trainedContext) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public CuratedModel {
        Objects.requireNonNull(name);
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(licence);
        Objects.requireNonNull(goodFor);
        Objects.requireNonNull(trainedContext);
        if (!SHA256.matcher(sha256).matches()) throw new IllegalArgumentException("not a lowercase SHA-256: " + sha256);
        if (!"https".equals(url.getScheme())) throw new IllegalArgumentException("not https: " + url);
        if (sizeBytes <= 0) throw new IllegalArgumentException("size must be positive");
    }

    /** The file name in the models folder: {@code <name>.gguf}. */
    public String fileName() {
        return name + ".gguf";
    }
}
