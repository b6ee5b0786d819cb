package dev.postwright.store.postgres;

/**
 * A database address (or its password file) that cannot be used, said in a sentence an operator
 * can act on. The message never contains the password, nor any other piece of the address that
 * might be one.
 */
public final class PostgresAddressException extends Exception {
    PostgresAddressException(String message) {
        super(message);
    }

    PostgresAddressException(String message, Throwable cause) {
        super(message, cause);
    }
}
