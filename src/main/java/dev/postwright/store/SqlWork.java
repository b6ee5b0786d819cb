package dev.postwright.store;

import java.sql.SQLException;

/** Work done with one {@link Sql} session; may throw {@link SQLException}, which the caller maps. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Sql sql) throws SQLException;
}
