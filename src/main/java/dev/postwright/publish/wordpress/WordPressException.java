package dev.postwright.publish.wordpress;

/**
 * A call to a WordPress site that did not do what was asked, with a sentence a writer
 * understands ({@link #getMessage()}); the site's own message is quoted when it gave one. Never
 * carries the application password. {@link #retryable()} says whether trying later may help.
 */
public final class WordPressException extends Exception {
    private final boolean retryable;
    private final String code;

    WordPressException(String sentence, String code, boolean retryable) {
        super(sentence);
        this.code = code;
        this.retryable = retryable;
    }

    /** WordPress's error code ({@code rest_upload_file_too_big}, …), or empty. */
    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
