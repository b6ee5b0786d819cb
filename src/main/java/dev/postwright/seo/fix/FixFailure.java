package dev.postwright.seo.fix;

/** A fix that could not be made, with a sentence that says why in a writer's words. */
public final class FixFailure extends Exception {
    public FixFailure(String message) {
        super(message);
    }
}
