package dev.postwright.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.publish.wordpress.Site;
import dev.postwright.settings.SecretStore.SecretStoreException;
import dev.postwright.store.AtomicFiles;
import dev.postwright.wire.Json;
import dev.postwright.wire.WireFormatException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The WordPress sites a writer publishes to: {@code sites.json} in the config folder holds each
 * site's name, address and user; its application password is in the {@link SecretStore} under
 * {@link #passwordName(String)}, never in the file. Names are unique, compared without case.
 * Reading is forgiving as {@link SettingsFile}'s is: a damaged file is set aside as
 * {@code sites.json.damaged} and reported by {@link #problem()}; writing replaces it atomically.
 * Thread-safe.
 */
public final class SiteBook {
    public static final String NAME = "sites.json";
    public static final int MAX_NAME = 80;

    private final Path file;
    private final SecretStore secrets;
    private String problem;

    public SiteBook(Path configDir, SecretStore secrets) {
        this.file = configDir.resolve(NAME);
        this.secrets = secrets;
    }

    /** The name a site's application password is kept under in the key store. */
    public static String passwordName(String siteName) {
        return "wordpress:" + siteName.toLowerCase(Locale.ROOT);
    }

    /** Every site, in the order they were added. */
    public synchronized List<Site> list() {
        return read();
    }

    /** The site called {@code name} (in any case). */
    public synchronized Optional<Site> find(String name) {
        return read().stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * Adds the site, or replaces the one of the same name. A null or blank {@code password}
     * keeps the one stored for that name.
     *
     * @throws IllegalArgumentException when the name or address cannot be used, in words for the writer
     * @throws IOException when the file cannot be written; nothing changed
     * @throws SecretStoreException when the password cannot be kept; the file is unchanged
     */
    public synchronized void save(Site site, String password) throws IOException, SecretStoreException {
        String why = problemWith(site.name(), site.address().toString());
        if (why != null) throw new IllegalArgumentException(why);
        if (password != null && !password.isBlank()) {
            secrets.write(passwordName(site.name()), password.strip());
        }
        List<Site> sites = new ArrayList<>(read());
        int at = indexOf(sites, site.name());
        if (at >= 0) sites.set(at, site);
        else sites.add(site);
        write(sites);
    }

    /** Forgets the site and its password; a name no site has is no error. */
    public synchronized void remove(String name) throws IOException, SecretStoreException {
        List<Site> sites = new ArrayList<>(read());
        int at = indexOf(sites, name);
        if (at < 0) return;
        sites.remove(at);
        write(sites);
        secrets.delete(passwordName(name));
    }

    /** The site's application password, if one is kept. */
    public Optional<String> password(String siteName) throws SecretStoreException {
        return secrets.read(passwordName(siteName));
    }

    /** Why the file could not be used when it was last read, or null. */
    public synchronized String problem() {
        return problem;
    }

    /** Where the passwords are, in words for the settings screen. */
    public String whereSecretsAre() {
        return secrets.description();
    }

    /**
     * What is wrong with a site's name or address as a writer typed them, or null when both can
     * be used: an http(s) address with a host, a name of at most {@value #MAX_NAME} characters.
     */
    public static String problemWith(String name, String address) {
        if (name == null || name.isBlank()) return "Give the site a name, such as \"Company blog\".";
        if (name.strip().length() > MAX_NAME) return "Keep the site's name to " + MAX_NAME + " characters.";
        if (address == null || address.isBlank()) return "Enter the site's address, such as https://example.com.";
        try {
            URI uri = URI.create(address.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                return "The address must start with https:// (or http://) and name the site, such as https://example.com.";
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                return "Enter the site's address without ? or # parts, such as https://example.com/blog.";
            }
        } catch (IllegalArgumentException e) {
            return "\"" + address.strip() + "\" is not a web address; enter one such as https://example.com.";
        }
        return null;
    }

    private static int indexOf(List<Site> sites, String name) {
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i).name().equalsIgnoreCase(name)) return i;
        }
        return -1;
    }

    private List<Site> read() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            problem = "Your list of sites at " + file + " could not be read (" + e.getMessage() + ").";
            return List.of();
        }
        try {
            JsonNode root = Json.parse(text, "the list of sites");
            if (!(root.path("sites") instanceof ArrayNode entries)) {
                throw new WireFormatException("it has no list of sites");
            }
            List<Site> sites = new ArrayList<>();
            for (JsonNode entry : entries) {
                String name = entry.path("name").asText("");
                String address = entry.path("address").asText("");
                if (problemWith(name, address) == null && entry.path("user").isTextual()) {
                    sites.add(new Site(name.strip(), URI.create(address.strip()), entry.path("user").asText()));
                }
            }
            return List.copyOf(sites);
        } catch (WireFormatException e) {
            Path aside = file.resolveSibling(NAME + ".damaged");
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                aside = file;
            }
            problem = "Your list of sites was damaged (" + e.getMessage() + "); it was kept as " + aside.getFileName()
                    + ". Add your sites again; their passwords are still in " + secrets.description() + ".";
            return List.of();
        }
    }

    private void write(List<Site> sites) throws IOException {
        ObjectNode root = Json.object();
        ArrayNode entries = root.putArray("sites");
        for (Site site : sites) {
            entries.addObject().put("name", site.name()).put("address", site.address().toString()).put("user", site.user());
        }
        AtomicFiles.writeString(file, Json.write(root));
        problem = null;
    }
}
