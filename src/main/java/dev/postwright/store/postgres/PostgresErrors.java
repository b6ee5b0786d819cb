package dev.postwright.store.postgres;

import dev.postwright.store.StoreException;
import dev.postwright.store.postgres.PostgresUnavailableException.Reason;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The driver's failures as sentences. They are built from the address and the SQLState, never
 * from the password, and the driver's own messages (which name the user, never the password)
 * stay in the cause.
 */
final class PostgresErrors {
    private PostgresErrors() {}

    static PostgresUnavailableException unavailable(SQLException e, PostgresAddress address) {
        String at = "PostgreSQL at " + address.target();
        String state = stateOf(e);
        Reason reason;
        String sentence;
        if (has(e, UnknownHostException.class)) {
            reason = Reason.UNKNOWN_HOST;
            sentence = "The database host " + address.host() + " is not known here (no such name in DNS or /etc/hosts); "
                    + "check the HOST of the database address.";
        } else if (has(e, ConnectException.class) || has(e, NoRouteToHostException.class)) {
            reason = Reason.NOT_LISTENING;
            sentence = "Nothing is listening at " + address.host() + ":" + address.port() + ": is PostgreSQL running "
                    + "there, on that port, and does it accept TCP connections (listen_addresses)?";
        } else if (has(e, SocketTimeoutException.class)) {
            reason = Reason.TIMED_OUT;
            sentence = at + " did not answer in time: a firewall may drop the connection, or the server is overloaded.";
        } else if ("28P01".equals(state)) {
            reason = Reason.WRONG_PASSWORD;
            sentence = at + " refused the password of user " + address.user() + " (from "
                    + origin(address.passwordOrigin()) + "); check it, or the user's password on the server.";
        } else if ("08004".equals(state) && address.passwordOrigin() == PasswordOrigin.NONE) {
            reason = Reason.NO_PASSWORD;
            sentence = at + " asks user " + address.user() + " for a password, and none was given: set PGPASSWORD, "
                    + "give a password file, or write it in the address as USER:PASSWORD@.";
        } else if ("28000".equals(state)) {
            reason = Reason.NOT_ALLOWED;
            sentence = at + " does not let user " + address.user() + " connect from this machine to database "
                    + address.database() + " (pg_hba.conf has no line for it, or the role cannot log in).";
        } else if ("3D000".equals(state)) {
            reason = Reason.UNKNOWN_DATABASE;
            sentence = at.substring(0, at.lastIndexOf('/')) + " has no database " + address.database()
                    + "; create it (createdb -h " + address.host() + " -p " + address.port() + " -U " + address.user()
                    + " " + address.database() + ") or correct the address.";
        } else if ("53300".equals(state)) {
            reason = Reason.NO_CONNECTION_FREE;
            sentence = at + " has no connection free (max_connections); fewer nodes or smaller pools would fit.";
        } else if (state != null && state.startsWith("57P")) {
            reason = Reason.NOT_READY;
            sentence = at + " is starting, stopping or in recovery and takes no connections now.";
        } else if (e instanceof SQLTransientConnectionException) {
            reason = Reason.TIMED_OUT;
            sentence = at + " gave no connection in time (every pooled connection busy, or the server unreachable).";
        } else {
            reason = Reason.OTHER;
            sentence = at + " cannot be used" + (state == null ? "" : " (SQLState " + state + ")") + ": " + e.getMessage();
        }
        return new PostgresUnavailableException(reason, sentence, e);
    }

    /** A failure inside work: the database's fault (unreachable, full) or the work's (its SQL, a constraint). */
    static StoreException toStoreException(SQLException e, PostgresAddress address) {
        String state = stateOf(e);
        if ("53100".equals(state)) {
            return new StoreException("The database server at " + address.target() + " has no disk space left; "
                    + "nothing of this was written.", e, true, true);
        }
        if (e instanceof SQLTransientConnectionException || (state != null
                && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("28") || state.equals("3D000")
                || state.equals("53300")))) {
            return new StoreException(unavailable(e, address).getMessage(), e, true, false);
        }
        return new StoreException("A database operation failed at " + address.target()
                + (state == null ? "" : " (SQLState " + state + ")") + ": " + e.getMessage(), e);
    }

    /**
     * The work was rolled back whole because it lost a race with another transaction: a
     * deadlock's victim (40P01) or a serialization failure (40001). Running it again is safe.
     */
    static boolean lostARace(StoreException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40P01".equals(s.getSQLState()) || "40001".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The server ended this connection or cannot be reached on it (SQLState class 08, or 57P: shut down, terminated). */
    static boolean connectionLost(SQLException e) {
        String state = stateOf(e);
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private static String origin(PasswordOrigin origin) {
        return switch (origin) {
            case ADDRESS -> "the database address";
            case ENVIRONMENT -> "PGPASSWORD";
            case FILE -> "the password file";
            case NONE -> "nowhere";
        };
    }

    /** The first SQLState down the cause chain: Hikari's timeout carries its last failure as the cause. */
    private static String stateOf(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && !(s instanceof SQLTransientConnectionException)) {
                return s.getSQLState();
            }
        }
        return e.getSQLState();
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return true;
        return false;
    }
}
