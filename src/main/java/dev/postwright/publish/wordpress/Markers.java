package dev.postwright.publish.wordpress;

/**
 * The never-twice marker (decision 0032): an HTML comment {@code <!-- postwright:ID -->} at the
 * top of the content, which WordPress keeps, does not show, and finds with {@code search}.
 */
final class Markers {
    private Markers() {
    }

    static String comment(String marker) {
        if (!marker.matches("[A-Za-z0-9-]{8,64}")) {
            throw new IllegalArgumentException("a marker is 8 to 64 letters, digits or hyphens");
        }
        return "<!-- " + searchTerm(marker) + " -->";
    }

    static String searchTerm(String marker) {
        return "postwright:" + marker;
    }
}
