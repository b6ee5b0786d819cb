package dev.postwright.remote;

/**
 * How things stand with a team server, for the window's indicator and Settings' Test connection.
 *
 * @param message a sentence for the writer; never holds the token
 */
public record Connection(State state, String message) {
    public enum State {
        /** The server answered and accepted the token. */
        CONNECTED,
        /** The server answered but refused the token. */
        REFUSED,
        /** The server could not be reached, or answered that it cannot take jobs now. */
        UNREACHABLE,
        /** The server answered in the other dialect: the writer chose the wrong kind of server. */
        WRONG_KIND
    }
}
