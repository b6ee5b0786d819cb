import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar while taking native libraries out of it: the entries {@code keep} accepts are
 * written to the new jar, in their order and with their times; the others are handed to
 * {@code taken}. This is how the JavaFX and SQLite jars lose the natives that jlink or the app
 * folder carry instead, and the platforms a package does not run on.
 */
final class Jars {
    private Jars() {}

    /** What happens to an entry that is not kept: its name and its bytes. */
    interface Taken {
        void accept(String name, InputStream bytes) throws IOException;
    }

    static void copyWithout(Path from, Path to, Predicate<String> keep, Taken taken) throws IOException {
        try (InputStream file = Files.newInputStream(from); var in = new ZipInputStream(file);
             OutputStream target = Files.newOutputStream(to); var out = new ZipOutputStream(target)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (keep.test(entry.getName())) {
                    var copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    in.transferTo(out);
                    out.closeEntry();
                } else if (!entry.isDirectory()) {
                    taken.accept(entry.getName(), in);
                }
            }
        }
    }

    static boolean contains(Path jar, String entry) throws IOException {
        try (var file = new java.util.zip.ZipFile(jar.toFile())) {
            return file.getEntry(entry) != null;
        }
    }

    /** Writes an entry's bytes to {@code file}. */
    static void extract(InputStream bytes, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.copy(bytes, file);
    }
}
