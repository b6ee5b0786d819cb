package dev.postwright.llm.builtin.download;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The short list of small instruct models offered for download. Every hash and size here was read
 * from a public source, never made up; where each came from is in docs/decisions/0038-model-downloads.md.
 * A model without a verified hash is left out.
 */
public final class CuratedModels {
    private static final List<CuratedModel> ALL = List.of(
            new CuratedModel("qwen2.5-1.5b-instruct", "Qwen2.5 1.5B Instruct (Q4_K_M)", 1_117_320_736L,
                    "Apache-2.0", "Quick drafts and outlines on any laptop; follows JSON instructions well.",
                    URI.create("https://huggingface.co/Qwen/Qwen2.5-1.5B-Instruct-GGUF/resolve/"
                            + "91cad51170dc346986eccefdc2dd33a9da36ead9/qwen2.5-1.5b-instruct-q4_k_m.gguf"),
                    "6a1a2eb6d15622bf3c96857206351ba97e1af16c30d7a74ee38970e434e9407e", OptionalInt.of(32_768)));

    private CuratedModels() {}

    /** All curated models, in the order they are offered. */
    public static List<CuratedModel> all() {
        return ALL;
    }

    /** The model with this short name, if curated. */
    public static Optional<CuratedModel> find(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
