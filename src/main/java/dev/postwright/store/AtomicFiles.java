package dev.postwright.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Whole-file writes that a crash cannot tear: the text goes to a hidden file beside the target,
 * is flushed to disk, and is renamed over the target in one step. The old file stays intact
 * until then.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void writeString(Path file, String text) throws IOException {
        write(file, text, false);
    }

    /** As {@link #writeString}, readable and writable only by the owner where permissions exist. */
    public static void writePrivateString(Path file, String text) throws IOException {
        write(file, text, true);
    }

    /**
     * Writes {@code bytes} as {@code file}, which is whole or absent after a crash. Writers of the
     * same file at once each use their own hidden file, so the last rename wins whole.
     */
    public static void writeBytes(Path file, byte[] bytes) throws IOException {
        write(file, bytes, false, "." + UUID.randomUUID());
    }

    private static void write(Path file, String text, boolean ownerOnly) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8), ownerOnly, "");
    }

    private static void write(Path file, byte[] content, boolean ownerOnly, String tempSuffix) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + tempSuffix + ".tmp");
        Files.deleteIfExists(temp);
        FileAttribute<?>[] attributes = ownerOnly && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), attributes)) {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) channel.write(bytes);
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
