package dev.postwright.store.postgres;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a PostgreSQL database is and who connects to it: {@code postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?params]}
 * (or {@code postgres://}), as libpq writes it. The password comes from the address, else the
 * {@code PGPASSWORD} value, else the first line of a password file ({@link PasswordOrigin}).
 *
 * <p>Immutable and thread-safe. {@link #toString()}, {@link #jdbcUrl()}, {@link #warnings()} and
 * every {@link PostgresAddressException} leave the password out; only {@link PostgresPool}, in
 * this package, reads it, and hands it to the pool apart from the URL.
 */
public final class PostgresAddress {
    public static final int DEFAULT_PORT = 5432;
    private static final String FORM = "postgresql://USER@HOST:5432/DB";
    /** libpq's names of the parameters we pass on, and pgjdbc's names for them. */
    private static final Map<String, String> PARAMETERS = Map.of("sslmode", "sslmode", "sslrootcert", "sslrootcert",
            "sslcert", "sslcert", "sslkey", "sslkey", "connect_timeout", "connectTimeout");
    private static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private final String user;
    private final String host;
    private final int port;
    private final String database;
    private final Map<String, String> parameters;
    private final String password;
    private final PasswordOrigin passwordOrigin;
    private final List<String> warnings;

    private PostgresAddress(String user, String host, int port, String database, Map<String, String> parameters,
                            String password, PasswordOrigin passwordOrigin, List<String> warnings) {
        this.user = user;
        this.host = host;
        this.port = port;
        this.database = database;
        this.parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters)); // sorted: one URL per address
        this.password = password;
        this.passwordOrigin = passwordOrigin;
        this.warnings = List.copyOf(warnings);
    }

    /** An address whose password, if any, is in it: no environment, no password file. */
    public static PostgresAddress parse(String address) throws PostgresAddressException {
        return parse(address, Map.of(), null);
    }

    /**
     * @param environment  the process's environment (only {@code PGPASSWORD} is read), given so
     *                     tests need not change the real one
     * @param passwordFile read only when neither the address nor {@code PGPASSWORD} gives the
     *                     password; may be null
     * @throws PostgresAddressException with a sentence saying what is wrong and what the address
     *                                  must look like; never with the password in it
     */
    public static PostgresAddress parse(String address, Map<String, String> environment, Path passwordFile)
            throws PostgresAddressException {
        if (address == null || address.isBlank()) throw invalid("is empty");
        String text = address.strip();
        int scheme = text.indexOf("://");
        String prefix = scheme < 0 ? "" : text.substring(0, scheme).toLowerCase(java.util.Locale.ROOT);
        if (prefix.startsWith("jdbc:")) throw invalid("is written for JDBC; give it without jdbc: at the front");
        if (!prefix.equals("postgresql") && !prefix.equals("postgres")) {
            throw invalid("must start with postgresql:// (or postgres://)");
        }
        String rest = text.substring(scheme + 3);
        // The last @ ends the user part, so a password with an unencoded @, / or : still parses.
        int at = rest.lastIndexOf('@');
        if (at < 0) throw invalid("names no user (the USER@ before the host)");
        String userInfo = rest.substring(0, at);
        int colon = userInfo.indexOf(':');
        String urlPassword = colon < 0 ? null : decode(userInfo.substring(colon + 1), "password", null);
        try {
            String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name", urlPassword);
            if (user.isEmpty()) throw invalid("names no user (the USER@ before the host)");
            return parseServer(rest.substring(at + 1), user, urlPassword, environment, passwordFile);
        } catch (PostgresAddressException e) {
            throw redacted(e, urlPassword);
        }
    }

    private static PostgresAddress parseServer(String server, String user, String urlPassword,
                                               Map<String, String> environment, Path passwordFile)
            throws PostgresAddressException {
        int slash = server.indexOf('/');
        if (slash < 0) throw invalid("names no database (the /DB after the host)");
        String hostPort = server.substring(0, slash);
        String path = server.substring(slash + 1);
        int question = path.indexOf('?');
        String database = decode(question < 0 ? path : path.substring(0, question), "database name", urlPassword);
        if (database.isEmpty()) throw invalid("names no database (the /DB after the host)");
        if (database.contains("/")) throw invalid("has more than one /DB after the host");
        Map<String, String> parameters = question < 0 ? Map.of() : parameters(path.substring(question + 1), urlPassword);

        String host;
        String portText = null;
        if (hostPort.contains(",")) throw invalid("names several hosts; Postwright connects to one");
        if (hostPort.startsWith("[")) { // an IPv6 address, [::1]:5432
            int close = hostPort.indexOf(']');
            if (close < 0) throw invalid("opens an IPv6 host with [ but does not close it with ]");
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) throw invalid("has something other than :PORT after the IPv6 host");
            if (!after.isEmpty()) portText = after.substring(1);
            if (!host.matches("[0-9A-Fa-f:.]+")) throw invalid("has an IPv6 host that is not an IPv6 address");
        } else {
            int portColon = hostPort.lastIndexOf(':');
            host = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
            if (portColon >= 0) portText = hostPort.substring(portColon + 1);
            if (!host.isEmpty() && !host.matches("[A-Za-z0-9._-]+")) {
                throw invalid("has a host that is not a host name or IP address (letters, digits, dots and hyphens)");
            }
        }
        if (host.isEmpty()) throw invalid("names no host (the HOST after the @)");
        int port = portText == null ? DEFAULT_PORT : port(portText);

        List<String> warnings = new ArrayList<>();
        String pgPassword = environment.get("PGPASSWORD");
        String password;
        PasswordOrigin origin;
        if (urlPassword != null && !urlPassword.isEmpty()) {
            password = urlPassword;
            origin = PasswordOrigin.ADDRESS;
        } else if (pgPassword != null && !pgPassword.isEmpty()) {
            password = pgPassword;
            origin = PasswordOrigin.ENVIRONMENT;
        } else if (passwordFile != null) {
            password = PasswordFile.read(passwordFile, warnings);
            origin = PasswordOrigin.FILE;
        } else {
            password = null;
            origin = PasswordOrigin.NONE;
        }
        if (passwordFile != null && origin != PasswordOrigin.FILE) {
            warnings.add("The password file " + passwordFile + " is not read: "
                    + (origin == PasswordOrigin.ADDRESS ? "the database address" : "PGPASSWORD") + " gives the password.");
        }
        return new PostgresAddress(user, host, port, database, parameters, password, origin, warnings);
    }

    private static Map<String, String> parameters(String query, String urlPassword) throws PostgresAddressException {
        Map<String, String> out = new TreeMap<>();
        if (query.isEmpty()) return out;
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), "parameter name", urlPassword);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "parameter value", urlPassword);
            if (name.equals("password")) {
                throw invalid("carries a password parameter; give the password as USER:PASSWORD@, in PGPASSWORD, "
                        + "or in a password file");
            }
            if (!PARAMETERS.containsKey(name)) {
                throw invalid("has the parameter \"" + name + "\", which Postwright does not pass on; it knows "
                        + "sslmode, sslrootcert, sslcert, sslkey and connect_timeout");
            }
            if (name.equals("sslmode") && !SSL_MODES.contains(value)) {
                throw invalid("has an sslmode that is not one of " + String.join(", ", SSL_MODES));
            }
            if (name.equals("connect_timeout") && !value.matches("[0-9]{1,4}")) {
                throw invalid("has a connect_timeout that is not a whole number of seconds");
            }
            if (value.isEmpty()) throw invalid("has the parameter \"" + name + "\" without a value");
            out.put(name, value);
        }
        return out;
    }

    private static int port(String text) throws PostgresAddressException {
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            throw invalid("has a port that is not a number from 1 to 65535 (the :PORT after the host)");
        }
        return Integer.parseInt(text);
    }

    /** Percent-decoding as in libpq's URIs; '+' stays a plus (URLDecoder alone would make it a space). */
    private static String decode(String text, String what, String urlPassword) throws PostgresAddressException {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw redacted(invalid("has a " + what + " with a % that is not followed by two hexadecimal digits"), urlPassword);
        }
    }

    private static PostgresAddressException invalid(String problem) {
        return new PostgresAddressException("The database address " + problem + "; it must look like " + FORM
                + " (the password in PGPASSWORD or a password file, or as USER:PASSWORD@).");
    }

    /** Whatever a message was built from, it leaves with no trace of the password. */
    private static PostgresAddressException redacted(PostgresAddressException e, String password) {
        if (password == null || password.isEmpty() || !e.getMessage().contains(password)) return e;
        return new PostgresAddressException(e.getMessage().replace(password, "…"));
    }

    public String user() {
        return user;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    /** The libpq parameters of the address (sslmode, …), by name. */
    public Map<String, String> parameters() {
        return parameters;
    }

    public PasswordOrigin passwordOrigin() {
        return passwordOrigin;
    }

    /** Sentences for the serve log about the password's source (a file others can read, a file not read). */
    public List<String> warnings() {
        return warnings;
    }

    /** For the pool only: the one place the password leaves this object. */
    Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** {@code jdbc:postgresql://HOST:PORT/DB?…}: the address without user or password, for pgjdbc. */
    public String jdbcUrl() {
        var url = new StringBuilder("jdbc:postgresql://").append(hostForUrl()).append(':').append(port).append('/')
                .append(URLEncoder.encode(database, StandardCharsets.UTF_8));
        char separator = '?';
        for (var parameter : parameters.entrySet()) {
            url.append(separator).append(PARAMETERS.get(parameter.getKey())).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    /** {@code HOST:PORT/DB}, how messages name the database. */
    public String target() {
        return hostForUrl() + ":" + port + "/" + database;
    }

    private String hostForUrl() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The address as given, without the password: {@code postgresql://USER@HOST:PORT/DB?…}. */
    @Override
    public String toString() {
        var text = new StringBuilder("postgresql://").append(user).append('@').append(target());
        char separator = '?';
        for (var parameter : parameters.entrySet()) {
            text.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
            separator = '&';
        }
        return text.toString();
    }
}
