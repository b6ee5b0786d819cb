package dev.postwright.llm.builtin;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a GGUF file's header (ggml's {@code docs/gguf.md}: magic, version, tensor and key/value
 * counts, the key/values, the tensor infos) without loading the weights, so a file that is not a
 * model, was cut short or is of an unknown kind is refused in words before llama.cpp sees it.
 * Large arrays (the vocabulary) are skipped, not kept. Stateless; safe from any thread.
 */
final class GgufReader {
    private static final int MAGIC = 0x46554747; // "GGUF", little-endian
    private static final int T_UINT8 = 0, T_INT8 = 1, T_UINT16 = 2, T_INT16 = 3, T_UINT32 = 4, T_INT32 = 5,
            T_FLOAT32 = 6, T_BOOL = 7, T_STRING = 8, T_ARRAY = 9, T_UINT64 = 10, T_INT64 = 11, T_FLOAT64 = 12;
    /** Far above any real key or count; a bigger number means the header is damaged. */
    private static final long MAX_STRING = 1L << 26, MAX_COUNT = 1L << 32;

    private GgufReader() {}

    static GgufInfo read(Path file) throws ModelLoadException {
        String shown = file.getFileName().toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("There is no model file at " + file + ".");
        } catch (IOException e) {
            throw new ModelLoadException("The model file " + file + " cannot be read: " + e.getMessage() + ".");
        }
        try (InputStream raw = Files.newInputStream(file); var in = new Le(new BufferedInputStream(raw, 1 << 16))) {
            if (in.int32() != MAGIC) {
                throw new ModelLoadException(shown + " is not a GGUF model file. Built-in models are .gguf files, "
                        + "like those Ollama, LM Studio and Hugging Face offer.");
            }
            int version = in.int32();
            if (version < 2 || version > 3) {
                throw new ModelLoadException(shown + " is a GGUF file of version " + version + ", which this version of "
                        + "Postwright cannot read (it reads versions 2 and 3).");
            }
            long tensors = in.count();
            long pairs = in.count();
            Map<String, Object> values = new HashMap<>();
            for (long i = 0; i < pairs; i++) {
                String key = in.string();
                Object value = in.value(in.int32());
                if (value != null) values.put(key, value);
            }
            long lastOffset = -1;
            for (long i = 0; i < tensors; i++) {
                in.string();
                int dims = in.int32();
                if (dims < 0 || dims > 8) throw damaged(shown);
                for (int d = 0; d < dims; d++) in.int64();
                in.int32();
                lastOffset = Math.max(lastOffset, in.int64());
            }
            long alignment = number(values, "general.alignment", 32);
            long dataStart = (in.position + alignment - 1) / alignment * alignment;
            if (lastOffset >= 0 && dataStart + lastOffset >= size) {
                throw new ModelLoadException(shown + " ends early: it is cut short, perhaps by a download that did not "
                        + "finish. Download it again.");
            }
            return info(file, size, values);
        } catch (EOFException e) {
            throw new ModelLoadException(shown + " ends early: it is cut short, perhaps by a download that did not "
                    + "finish. Download it again.");
        } catch (AccessDeniedException e) {
            throw new ModelLoadException("Postwright may not read the model file " + file + ".");
        } catch (IOException e) {
            throw new ModelLoadException("The model file " + file + " cannot be read: " + e.getMessage() + ".");
        } catch (IllegalStateException e) {
            throw damaged(shown);
        }
    }

    private static GgufInfo info(Path file, long size, Map<String, Object> values) throws ModelLoadException {
        Object arch = values.get("general.architecture");
        if (!(arch instanceof String a)) {
            throw new ModelLoadException(file.getFileName() + " is a GGUF file without a model architecture: it holds "
                    + "something other than a language model.");
        }
        String fallbackName = file.getFileName().toString().replaceFirst("(?i)\\.gguf$", "");
        String name = values.get("general.name") instanceof String n && !n.isBlank() ? n.strip() : fallbackName;
        int embedding = (int) number(values, a + ".embedding_length", 0);
        int heads = (int) Math.max(1, number(values, a + ".attention.head_count", 1));
        int kvHeads = (int) number(values, a + ".attention.head_count_kv", heads);
        long keyLength = number(values, a + ".attention.key_length", embedding / heads);
        long valueLength = number(values, a + ".attention.value_length", embedding / heads);
        int vocabulary = values.get("tokenizer.ggml.tokens") instanceof Long count ? count.intValue() : 32_000;
        return new GgufInfo(file, size, a, name, (int) number(values, a + ".block_count", 0),
                (int) number(values, a + ".context_length", 2048), (int) (kvHeads * (keyLength + valueLength)),
                vocabulary, values.containsKey("tokenizer.chat_template"));
    }

    private static long number(Map<String, Object> values, String key, long fallback) {
        return values.get(key) instanceof Number n ? n.longValue() : fallback;
    }

    private static ModelLoadException damaged(String shown) {
        return new ModelLoadException(shown + " is damaged: its header does not describe a model. Download it again.");
    }

    /** Little-endian reads that count the bytes consumed (for the data section's alignment). */
    private static final class Le implements AutoCloseable {
        private final DataInputStream in;
        long position;

        Le(InputStream in) {
            this.in = new DataInputStream(in);
        }

        int int32() throws IOException {
            position += 4;
            return Integer.reverseBytes(in.readInt());
        }

        long int64() throws IOException {
            position += 8;
            return Long.reverseBytes(in.readLong());
        }

        long count() throws IOException {
            long n = int64();
            if (n < 0 || n > MAX_COUNT) throw new IllegalStateException("count " + n);
            return n;
        }

        String string() throws IOException {
            long length = int64();
            if (length < 0 || length > MAX_STRING) throw new IllegalStateException("string length " + length);
            byte[] bytes = in.readNBytes((int) length);
            if (bytes.length < length) throw new EOFException();
            position += length;
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** The value for the key/values that matter; arrays come back as their length, skipped. */
        Object value(int type) throws IOException {
            return switch (type) {
                case T_UINT8, T_INT8, T_BOOL -> (long) skip(1)[0];
                case T_UINT16, T_INT16 -> {
                    byte[] b = skip(2);
                    yield (long) ((b[0] & 0xff) | (b[1] & 0xff) << 8);
                }
                case T_UINT32, T_INT32 -> (long) int32();
                case T_FLOAT32 -> {
                    int32();
                    yield null;
                }
                case T_UINT64, T_INT64 -> int64();
                case T_FLOAT64 -> {
                    int64();
                    yield null;
                }
                case T_STRING -> string();
                case T_ARRAY -> {
                    int itemType = int32();
                    long n = count();
                    for (long i = 0; i < n; i++) value(itemType);
                    yield n;
                }
                default -> throw new IllegalStateException("value type " + type);
            };
        }

        private byte[] skip(int n) throws IOException {
            byte[] b = in.readNBytes(n);
            if (b.length < n) throw new EOFException();
            position += n;
            return b;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
