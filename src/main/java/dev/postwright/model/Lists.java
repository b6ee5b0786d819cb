package dev.postwright.model;

import java.util.List;
import java.util.Objects;

/** Null-tolerant list normalisation for record compact constructors. */
final class Lists {
    private Lists() {}

    /** An unmodifiable copy of {@code list} without null elements; {@code null} becomes empty. */
    static <T> List<T> copyOf(List<T> list) {
        if (list == null || list.isEmpty()) return List.of();
        return list.stream().filter(Objects::nonNull).toList();
    }
}
