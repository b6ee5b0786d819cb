package dev.postwright.store.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** The password file of {@code serve --database}: its first line is the password. */
final class PasswordFile {
    private PasswordFile() {}

    /**
     * The first line, without its line break. A file other users can read is used, as libpq's
     * {@code .pgpass} is not, but {@code warnings} gets a sentence saying so and how to fix it:
     * refusing would stop a node at start-up over something the operator can fix while it runs.
     */
    static String read(Path file, List<String> warnings) throws PostgresAddressException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PostgresAddressException("The password file " + file + " does not exist.", e);
        } catch (IOException e) {
            // The exception's own message names the file and the reason, never its content.
            throw new PostgresAddressException("The password file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ").", e);
        }
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
        if (line.isEmpty()) {
            throw new PostgresAddressException("The password file " + file + " is empty; its first line must be the password.");
        }
        if (readableByOthers(file)) {
            warnings.add("The password file " + file + " can be read by other users of this computer; make it private "
                    + "with chmod 600 " + file + ".");
        }
        return line;
    }

    private static boolean readableByOthers(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) return false; // no POSIX permissions here (Windows): nothing to say
        try {
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            return permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException e) {
            return false; // it was just read; permissions we cannot see are not worth refusing over
        }
    }
}
