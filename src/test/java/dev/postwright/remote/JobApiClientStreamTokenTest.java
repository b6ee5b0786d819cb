package dev.postwright.remote;

import static dev.postwright.remote.JobApiClientAgainstTheRealBackendsQuirksTest.TOKEN;
import static dev.postwright.remote.JobApiClientAgainstTheRealBackendsQuirksTest.WAIT;
import static dev.postwright.remote.JobApiClientAgainstTheRealBackendsQuirksTest.WATCHFUL;
import static dev.postwright.remote.QuirkyBackend.JOB;
import static dev.postwright.remote.QuirkyBackend.frame;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.JobEvent;
import dev.postwright.testing.RecordingListener;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A job API server whose stream route refuses the Authorization header and takes only the
 * {@code token} query parameter (how EventSource streams are authorised, job-stream-protocol.md §1):
 * the client asks again that way, its check says so, and the URL with the token is never logged.
 */
class JobApiClientStreamTokenTest {
    private static final String STREAM = frame("progress-update", "{\"progress\": 30, \"currentStep\": \"Writing\"}")
            + frame("complete", "{\"result\": {\"success\": true, \"data\": {\"title\": \"T\", \"content\": \"# T\\n\\nBody.\"}}}");

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            // The test's server logs what it received, as a server would; the client side is what is checked.
            if (String.valueOf(record.getLoggerName()).startsWith("mockwebserver")) return;
            String text = record.getMessage();
            try {
                if (record.getParameters() != null) text = MessageFormat.format(text, record.getParameters());
            } catch (IllegalArgumentException notAPattern) {
                // keep the raw message
            }
            logged.add(text + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level rootLevel;

    @BeforeEach
    void listenToEveryLog() {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(rootLevel);
    }

    private static JobApiClient remote(QuirkyBackend backend) {
        return TestRuntime.jobApi(new RemoteServer(backend.baseUrl(), TOKEN), null, WATCHFUL);
    }

    @Test
    void aStreamRefusedWithTheHeaderIsAskedAgainWithTheQueryTokenAndLaterStreamsStartThatWay() throws Exception {
        try (var backend = new QuirkyBackend(n -> STREAM); var remote = remote(backend)) {
            backend.streamsTakeOnlyTheQueryToken(TOKEN);
            var first = new RecordingListener();
            remote.subscribe(JOB, 0, first);
            first.awaitEnd(WAIT);
            assertThat(first.events().stream().<Class<?>>map(e -> e.event().getClass()).toList())
                    .containsExactly(JobEvent.ProgressUpdate.class, JobEvent.Complete.class);
            assertThat(backend.streamTokens()).containsExactly("-", TOKEN);

            var second = new RecordingListener();
            remote.subscribe(JOB, 0, second);
            second.awaitEnd(WAIT);
            assertThat(second.events()).hasSize(2);
            assertThat(backend.streamTokens()).containsExactly("-", TOKEN, TOKEN);
            assertThat(remote.monitor().last()).hasValueSatisfying(c ->
                    assertThat(c.state()).isEqualTo(Connection.State.CONNECTED));
            assertThat(logged).anyMatch(l -> l.contains("query parameter")).noneMatch(l -> l.contains(TOKEN));
        }
    }

    @Test
    void aStreamRefusingTheQueryTokenTooEndsTheJobInWordsWithoutTheToken() throws Exception {
        try (var backend = new QuirkyBackend(n -> STREAM); var remote = remote(backend)) {
            backend.streamsTakeOnlyTheQueryToken("someone else's");
            var listener = new RecordingListener();
            remote.subscribe(JOB, 0, listener);
            listener.awaitEnd(WAIT);
            var failed = (JobEvent.Failed) listener.events().getLast().event();
            assertThat(failed.errorCode()).isEqualTo("UNAUTHORIZED");
            assertThat(failed.error()).contains("Sign in again").doesNotContain(TOKEN);
            assertThat(backend.streamTokens()).containsExactly("-", TOKEN); // asked once each way, not forever
            assertThat(remote.monitor().last()).hasValueSatisfying(c ->
                    assertThat(c.state()).isEqualTo(Connection.State.REFUSED));
            assertThat(new ArrayList<>(logged)).noneMatch(l -> l.contains(TOKEN));
        }
    }

    @Test
    void theCheckAsksTheStreamRouteTooSoItNeverSaysConnectedForStreamsThatRefuseUs() throws Exception {
        try (var backend = new QuirkyBackend(n -> STREAM); var remote = remote(backend)) {
            assertThat(remote.check().state()).isEqualTo(Connection.State.CONNECTED);
            assertThat(backend.streamTokens()).containsExactly("-");

            backend.streamsTakeOnlyTheQueryToken("someone else's");
            var refused = remote.check();
            assertThat(refused.state()).isEqualTo(Connection.State.REFUSED);
            assertThat(refused.message()).contains("refuses it on job streams").doesNotContain(TOKEN);

            backend.streamsTakeOnlyTheQueryToken(TOKEN);
            assertThat(remote.check().state()).isEqualTo(Connection.State.CONNECTED);
            var listener = new RecordingListener();
            int before = backend.streamTokens().size();
            remote.subscribe(JOB, 0, listener);
            listener.awaitEnd(WAIT);
            // The check learned how this server's streams take the token: the stream starts that way.
            assertThat(backend.streamTokens().subList(before, backend.streamTokens().size())).containsExactly(TOKEN);
            assertThat(new ArrayList<>(logged)).noneMatch(l -> l.contains(TOKEN));
        }
    }
}
