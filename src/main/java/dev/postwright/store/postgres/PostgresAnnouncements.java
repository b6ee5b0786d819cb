package dev.postwright.store.postgres;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears the announcements of every node ({@code NOTIFY}) on one connection of its own, outside
 * the pool, that does nothing but {@code LISTEN}. A topic is a channel; the subject, the
 * notification's payload, names what changed (a job id), never its content. When the connection
 * is lost, announcements may have been missed: on every (re)connection each listener is told
 * {@code null}, "look at everything", and the connection is tried again every second until it
 * comes back, said once in the log.
 */
final class PostgresAnnouncements implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PostgresAnnouncements.class.getName());
    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z_]{0,62}");
    /** How long one wait for notifications lasts, so a topic added meanwhile is listened to soon. */
    private static final int WAIT_MILLIS = 250;

    private final PostgresAddress address;
    private final Properties properties;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    private volatile Connection connection;
    /** Topics LISTENed to on the connection now (cleared when it is lost). */
    private final Set<String> listened = ConcurrentHashMap.newKeySet();
    private static final long PROBE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    PostgresAnnouncements(PostgresAddress address, Properties properties, ThreadFactory threads) {
        this.address = address;
        this.properties = properties;
        this.thread = threads.newThread(this::loop);
        thread.start();
    }

    /** Calls {@code listener} with each subject announced on {@code topic}, and {@code null} after a reconnection. */
    void listen(String topic, Consumer<String> listener) {
        if (!TOPIC.matcher(topic).matches()) throw new IllegalArgumentException("not a topic name: " + topic);
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
        // A topic already listened to gets no "look at everything" of its own: this listener may
        // have missed what came before it, so it looks now.
        if (listened.contains(topic)) listener.accept(null);
    }

    private void loop() {
        boolean saidLost = false;
        while (closed.getCount() > 0) {
            try (Connection c = DriverManager.getConnection(address.jdbcUrl(), properties)) {
                connection = c;
                c.setAutoCommit(true);
                if (saidLost) LOG.log(Level.INFO, "Hearing other nodes again on {0}", address.target());
                saidLost = false;
                listenUntilClosed(c);
            } catch (SQLException e) {
                if (closed.getCount() == 0) return;
                if (!saidLost) {
                    LOG.log(Level.WARNING, "Lost the connection that hears other nodes on {0} ({1}); until it is back "
                            + "they are seen by polling", address.target(), PostgresErrors.unavailable(e, address).getMessage());
                    saidLost = true;
                }
            } finally {
                connection = null;
                listened.clear();
            }
            try {
                if (closed.await(1, TimeUnit.SECONDS)) return; // a backoff before reconnecting, ended early by close()
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void listenUntilClosed(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        Set<String> listening = new HashSet<>();
        long lastProbe = System.nanoTime();
        while (closed.getCount() > 0) {
            for (String topic : listeners.keySet()) {
                if (listening.contains(topic)) continue;
                try (var statement = c.createStatement()) {
                    statement.execute("LISTEN " + topic); // the name is checked: [a-z_] only
                }
                listening.add(topic);
                listened.add(topic);
                // Whatever was announced before this LISTEN took effect was not heard.
                tell(topic, null);
            }
            if (System.nanoTime() - lastProbe > PROBE_EVERY_NANOS) {
                // Waiting for notifications sends nothing: a connection cut without a reset (a NAT or
                // firewall timing out, a failover) would go unnoticed for hours without this.
                try (var statement = c.createStatement()) {
                    statement.setQueryTimeout(10);
                    statement.execute("SELECT 1");
                }
                lastProbe = System.nanoTime();
            }
            PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications == null) continue;
            for (PGNotification n : notifications) {
                tell(n.getName(), n.getParameter().isEmpty() ? null : n.getParameter());
            }
        }
    }

    private void tell(String topic, String subject) {
        for (Consumer<String> listener : listeners.getOrDefault(topic, List.of())) {
            try {
                listener.accept(subject);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A listener of " + topic + " failed", e);
            }
        }
    }

    /** Stops listening and closes the connection; idempotent. */
    @Override
    public void close() {
        closed.countDown();
        Connection c = connection;
        if (c != null) {
            try {
                c.close(); // ends a wait for notifications at once
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "closing the listening connection failed", e);
            }
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
