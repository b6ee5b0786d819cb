package dev.postwright.publish.wordpress;

import java.util.Optional;

/** What "Test connection" found, each in words for the writer ({@link #words()}). */
public sealed interface ConnectionCheck {
    String words();

    record Unreachable(String reason) implements ConnectionCheck {
        public String words() {
            return "Postwright could not reach the site: " + reason + ". Check the address and that the site is up.";
        }
    }

    record NotWordPress(String found) implements ConnectionCheck {
        public String words() {
            return "This address answers, but not as WordPress (" + found + "): there is no WordPress REST API at "
                    + "/wp-json/. Check the address is your site's home page.";
        }
    }

    record RestUnavailable(String found) implements ConnectionCheck {
        public String words() {
            return "This is WordPress, but its REST API is switched off or sends visitors to a login page (" + found
                    + "). A security plugin usually does this; allow the REST API for logged-in users.";
        }
    }

    record PasswordRefused(String siteMessage) implements ConnectionCheck {
        public String words() {
            return "The site refused the user name or application password (" + siteMessage + "). Make a new "
                    + "application password under Users ▸ Profile and paste it again.";
        }
    }

    /**
     * The password was sent and the site answered as if none had been ({@code rest_not_logged_in}).
     * WordPress 6.1 answers a wrong application password the same way, so the words name both causes.
     */
    record NotSignedIn(String siteMessage) implements ConnectionCheck {
        public String words() {
            return "The password was sent, but the site answered as if it was not (" + siteMessage + "). Either "
                    + "the application password is wrong (make a new one under Users ▸ Profile), or the host removes the "
                    + "Authorization header before WordPress sees it. On Apache, add "
                    + "\"SetEnvIf Authorization \"(.*)\" HTTP_AUTHORIZATION=$1\" to .htaccess (or \"CGIPassAuth On\"), "
                    + "or ask your host to pass the Authorization header to PHP.";
        }
    }

    record Connected(String siteName, Optional<String> wordPressVersion, String displayName, boolean canPublish)
            implements ConnectionCheck {
        public String words() {
            return "Connected to \"" + siteName + "\"" + wordPressVersion.map(v -> " (WordPress " + v + ")").orElse("")
                    + " as " + displayName + (canPublish ? ", who can publish." : ", who can write drafts but not publish.");
        }
    }
}
