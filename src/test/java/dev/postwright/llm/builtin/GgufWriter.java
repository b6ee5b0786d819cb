package dev.postwright.llm.builtin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a tiny GGUF v3 file that llama.cpp loads: a llama-architecture model with random F32
 * weights and a SentencePiece ("llama") vocabulary of control tokens, the 256 byte tokens and one
 * token per printable ASCII character. Layout per ggml's docs/gguf.md: header, key/values, tensor
 * infos, padding to {@link #ALIGNMENT}, tensor data each at an aligned offset. Tensor shapes are
 * in ggml order (ne[0] first, the row length).
 */
public final class GgufWriter {
    static final int ALIGNMENT = 32;
    static final int EMBD = 32;
    static final int LAYERS = 1;
    static final int HEADS = 4;
    static final int FF = 64;
    /** Large enough for the real prompts, which this byte-level vocabulary spends a token per character on. */
    public static final int CONTEXT = 8192;

    private static final int T_UINT32 = 4, T_INT32 = 5, T_FLOAT32 = 6, T_STRING = 8, T_ARRAY = 9;
    private static final int GGML_F32 = 0;

    private record Tensor(String name, long[] dims) {
        long elements() {
            long n = 1;
            for (long d : dims) n *= d;
            return n;
        }
    }

    private GgufWriter() {}

    /** The vocabulary: <unk>, <s>, </s>, <0x00>..<0xFF>, then printable ASCII (space as U+2581). */
    static List<String> vocabulary() {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        for (int b = 0; b < 256; b++) tokens.add(String.format("<0x%02X>", b));
        for (char c = 32; c < 127; c++) tokens.add(c == ' ' ? "\u2581" : String.valueOf(c));
        return tokens;
    }

    /** Writes the tiny model to {@code args[0]}: for the installed package's smoke test, which has no test classes. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), 42);
    }

    /** Writes the tiny model with weights drawn from {@code seed}. */
    public static void write(Path file, long seed) throws IOException {
        List<String> tokens = vocabulary();
        int vocab = tokens.size();
        float[] scores = new float[vocab];
        int[] types = new int[vocab];
        for (int i = 0; i < vocab; i++) {
            if (i == 0) types[i] = 2; // UNKNOWN
            else if (i < 3) types[i] = 3; // CONTROL
            else if (i < 259) types[i] = 6; // BYTE
            else { types[i] = 1; scores[i] = -i; } // NORMAL
        }

        Map<String, Object[]> kv = new LinkedHashMap<>();
        kv.put("general.architecture", str("llama"));
        kv.put("general.name", str("postwright-tiny-test"));
        kv.put("general.alignment", u32(ALIGNMENT));
        kv.put("llama.context_length", u32(CONTEXT));
        kv.put("llama.embedding_length", u32(EMBD));
        kv.put("llama.block_count", u32(LAYERS));
        kv.put("llama.feed_forward_length", u32(FF));
        kv.put("llama.attention.head_count", u32(HEADS));
        kv.put("llama.attention.head_count_kv", u32(HEADS));
        kv.put("llama.attention.layer_norm_rms_epsilon", new Object[] {T_FLOAT32, 1e-5f});
        kv.put("llama.rope.dimension_count", u32(EMBD / HEADS));
        kv.put("llama.vocab_size", u32(vocab));
        kv.put("tokenizer.ggml.model", str("llama"));
        kv.put("tokenizer.ggml.tokens", new Object[] {T_ARRAY, T_STRING, tokens});
        kv.put("tokenizer.ggml.scores", new Object[] {T_ARRAY, T_FLOAT32, scores});
        kv.put("tokenizer.ggml.token_type", new Object[] {T_ARRAY, T_INT32, types});
        kv.put("tokenizer.ggml.bos_token_id", u32(1));
        kv.put("tokenizer.ggml.eos_token_id", u32(2));
        kv.put("tokenizer.ggml.unknown_token_id", u32(0));

        List<Tensor> tensors = new ArrayList<>();
        tensors.add(new Tensor("token_embd.weight", new long[] {EMBD, vocab}));
        for (int l = 0; l < LAYERS; l++) {
            String p = "blk." + l + ".";
            tensors.add(new Tensor(p + "attn_norm.weight", new long[] {EMBD}));
            tensors.add(new Tensor(p + "attn_q.weight", new long[] {EMBD, EMBD}));
            tensors.add(new Tensor(p + "attn_k.weight", new long[] {EMBD, EMBD}));
            tensors.add(new Tensor(p + "attn_v.weight", new long[] {EMBD, EMBD}));
            tensors.add(new Tensor(p + "attn_output.weight", new long[] {EMBD, EMBD}));
            tensors.add(new Tensor(p + "ffn_norm.weight", new long[] {EMBD}));
            tensors.add(new Tensor(p + "ffn_gate.weight", new long[] {EMBD, FF}));
            tensors.add(new Tensor(p + "ffn_up.weight", new long[] {EMBD, FF}));
            tensors.add(new Tensor(p + "ffn_down.weight", new long[] {FF, EMBD}));
        }
        tensors.add(new Tensor("output_norm.weight", new long[] {EMBD}));
        tensors.add(new Tensor("output.weight", new long[] {EMBD, vocab}));

        Out out = new Out();
        out.bytes("GGUF".getBytes(StandardCharsets.US_ASCII));
        out.u32(3);
        out.u64(tensors.size());
        out.u64(kv.size());
        for (var e : kv.entrySet()) {
            out.string(e.getKey());
            out.value(e.getValue());
        }
        long offset = 0;
        for (Tensor t : tensors) {
            out.string(t.name());
            out.u32(t.dims().length);
            for (long d : t.dims()) out.u64(d);
            out.u32(GGML_F32);
            out.u64(offset);
            offset = align(offset + t.elements() * 4);
        }
        out.pad();
        Random random = new Random(seed);
        for (Tensor t : tensors) {
            for (long i = 0; i < t.elements(); i++) out.f32(weight(t.name(), (int) (i / EMBD), (int) (i % EMBD), tokens, random));
            out.pad();
        }
        try (OutputStream os = Files.newOutputStream(file)) {
            os.write(out.buf.array(), 0, out.buf.position());
        }
    }

    /**
     * One weight. Random, except for a steering dimension: every token's embedding has a large
     * component 0 that the small attention and feed-forward weights barely change, so the last
     * hidden state always points that way, and each output row's component 0 acts as a fixed bias
     * on that token. The model then never says end-of-text (a draft runs to its token limit, so
     * cancelling can be tested) and closes a JSON string often enough that grammar-held replies
     * stay short. Rows are tokens for {@code token_embd} and {@code output} ({EMBD, vocab}).
     */
    private static float weight(String tensor, int row, int column, List<String> tokens, Random random) {
        if (tensor.endsWith("norm.weight")) return 1f;
        boolean steered = column == 0;
        return switch (tensor) {
            case "token_embd.weight" -> steered ? 4f : (float) (random.nextGaussian() * 0.5);
            case "output.weight" -> steered ? bias(tokens.get(row), row) : (float) (random.nextGaussian() * 0.5);
            default -> (float) (random.nextGaussian() * 0.02);
        };
    }

    private static float bias(String token, int id) {
        if (id < 3) return -10f; // <unk>, <s>, </s>: never
        if (token.startsWith("<0x")) return -1f; // raw bytes (newlines, tabs, broken UTF-8): rarely
        return token.equals("\"") ? 0.4f : 0f;
    }

    private static long align(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    private static Object[] str(String s) {
        return new Object[] {T_STRING, s};
    }

    private static Object[] u32(int v) {
        return new Object[] {T_UINT32, v};
    }

    private static final class Out {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        void ensure(int n) {
            if (buf.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n))
                        .order(ByteOrder.LITTLE_ENDIAN);
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
        }

        void bytes(byte[] b) { ensure(b.length); buf.put(b); }
        void u32(int v) { ensure(4); buf.putInt(v); }
        void i32(int v) { ensure(4); buf.putInt(v); }
        void u64(long v) { ensure(8); buf.putLong(v); }
        void f32(float v) { ensure(4); buf.putFloat(v); }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            bytes(b);
        }

        void pad() {
            while (buf.position() % ALIGNMENT != 0) bytes(new byte[] {0});
        }

        void value(Object[] typed) {
            int type = (Integer) typed[0];
            u32(type);
            switch (type) {
                case T_UINT32, T_INT32 -> u32((Integer) typed[1]);
                case T_FLOAT32 -> f32((Float) typed[1]);
                case T_STRING -> string((String) typed[1]);
                case T_ARRAY -> {
                    int elem = (Integer) typed[1];
                    u32(elem);
                    switch (elem) {
                        case T_STRING -> {
                            @SuppressWarnings("unchecked") List<String> l = (List<String>) typed[2];
                            u64(l.size());
                            l.forEach(this::string);
                        }
                        case T_FLOAT32 -> {
                            float[] a = (float[]) typed[2];
                            u64(a.length);
                            for (float f : a) f32(f);
                        }
                        case T_INT32 -> {
                            int[] a = (int[]) typed[2];
                            u64(a.length);
                            for (int i : a) i32(i);
                        }
                        default -> throw new IllegalArgumentException("array of " + elem);
                    }
                }
                default -> throw new IllegalArgumentException("type " + type);
            }
        }
    }
}
