/**
 * PostgreSQL for {@code serve} on several nodes (issue 17, decision 0041): the database address
 * and where its password comes from ({@link dev.postwright.store.postgres.PostgresAddress}), the
 * connection pool with transactions over {@code store.Sql}
 * ({@link dev.postwright.store.postgres.PostgresPool}), and the schema's migrations
 * ({@link dev.postwright.store.postgres.PostgresMigrations}). The only package that knows the
 * PostgreSQL driver and HikariCP; the desktop app never loads it.
 */
package dev.postwright.store.postgres;
