package dev.postwright.store.postgres;

/** Where a {@link PostgresAddress} found its password, for the serve log (which never shows the password). */
public enum PasswordOrigin {
    /** {@code postgresql://USER:PASSWORD@…} */
    ADDRESS,
    /** the {@code PGPASSWORD} environment variable */
    ENVIRONMENT,
    /** the first line of the password file */
    FILE,
    /** none: the server must let the user in without one, or the connection is refused */
    NONE
}
