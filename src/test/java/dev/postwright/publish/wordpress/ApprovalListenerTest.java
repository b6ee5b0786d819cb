package dev.postwright.publish.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** WordPress's Authorize Application flow, through the test site's own pages and a real loopback listener. */
class ApprovalListenerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private ApprovalListener listener;

    @AfterEach
    void close() {
        if (listener != null) listener.close();
    }

    private ApprovalListener listen() throws IOException {
        listener = ApprovalListener.open(new SecureRandom(), Duration.ofMinutes(10));
        return listener;
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI siteUrl() {
        return URI.create(TestWordPress.site().getProperty("url"));
    }

    @Test
    void anApprovalInWordPressDeliversTheUserAndAPasswordThatConnects() throws Exception {
        Properties site = TestWordPress.site();
        var listener = listen();
        var browser = new WordPressBrowser(siteUrl()).logIn("contributor", "contributor-pass");

        var landed = browser.press(listener.authorizeUrl(siteUrl()), WordPressBrowser.Button.APPROVE);

        assertThat(landed.address().toString()).startsWith(listener.successUrl() + "?");
        assertThat(landed.status()).isEqualTo(200);
        assertThat(landed.body()).contains("Postwright has the password; you can close this tab.")
                .doesNotContainIgnoringCase("<script");
        var approval = listener.approval().get(10, TimeUnit.SECONDS);
        assertThat(approval).isInstanceOf(ApprovalListener.Approval.Approved.class);
        var approved = (ApprovalListener.Approval.Approved) approval;
        assertThat(approved.user()).isEqualTo("contributor");
        assertThat(approved.siteUrl().toString()).startsWith(site.getProperty("url").replaceAll("/$", ""));
        assertThat(approved.password()).isNotBlank().isNotEqualTo(site.getProperty("contributorPassword"));
        assertThat(approved.toString()).doesNotContain(approved.password()).contains("contributor");
        ConnectionCheck check = new WordPressClient(http, new Site("Test site", siteUrl(), approved.user()),
                approved.password(), TestWordPress.timeout()).check();
        assertThat(check).isInstanceOfSatisfying(ConnectionCheck.Connected.class,
                c -> assertThat(c.displayName()).isEqualTo("Cora Contributor"));
        awaitClosed(listener.successUrl());
    }

    @Test
    void aRejectionInWordPressEndsTheWaitAsRejected() throws Exception {
        var listener = listen();
        var browser = new WordPressBrowser(siteUrl()).logIn("contributor", "contributor-pass");

        var landed = browser.press(listener.authorizeUrl(siteUrl()), WordPressBrowser.Button.REJECT);

        assertThat(landed.address()).isEqualTo(listener.rejectUrl());
        assertThat(landed.body()).contains("You did not approve Postwright");
        assertThat(listener.approval().get(10, TimeUnit.SECONDS)).isEqualTo(new ApprovalListener.Approval.Rejected());
    }

    @Test
    void thePasteWayOpensWordPressesPageWithoutAWayBack() throws Exception {
        var page = new WordPressBrowser(siteUrl()).logIn("contributor", "contributor-pass")
                .open(ApprovalListener.pasteUrl(siteUrl()));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("You will be given a password to manually enter into the application")
                .contains("value=\"" + ApprovalListener.APP_ID + "\"");
    }

    @Test
    void aCallbackWithAWrongTokenIsRefusedAndTheWaitGoesOn() throws Exception {
        var listener = listen();
        URI good = listener.successUrl();
        URI wrongToken = URI.create(good.toString().replaceAll("/[0-9a-f]{32}/", "/" + "0".repeat(32) + "/")
                + "?user_login=mallory&password=stolen");

        assertThat(get(wrongToken).statusCode()).isEqualTo(404);
        assertThat(get(URI.create(good.resolve("/") + "approved?user_login=mallory&password=x")).statusCode())
                .isEqualTo(404);
        assertThat(get(URI.create(good + "?user_login=only-a-user")).statusCode()).as("no password").isEqualTo(400);
        assertThat(listener.approval()).isNotDone();

        var answer = get(URI.create(good + "?site_url=http%3A%2F%2Fexample.test&user_login=writer&password=abcd+efgh"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(listener.approval().get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(
                ApprovalListener.Approval.Approved.class, a -> {
                    assertThat(a.user()).isEqualTo("writer");
                    assertThat(a.password()).isEqualTo("abcd efgh");
                    assertThat(a.siteUrl()).isEqualTo(URI.create("http://example.test"));
                });
    }

    @Test
    void theAuthorizeAddressNamesPostwrightAndBothWaysBack() throws Exception {
        var listener = listen();
        URI url = listener.authorizeUrl(URI.create("https://blog.example.com/news"));
        assertThat(url.toString()).startsWith("https://blog.example.com/news/wp-admin/authorize-application.php?"
                + "app_name=Postwright+%28").contains("&app_id=" + ApprovalListener.APP_ID);
        assertThat(url.getQuery()).contains("success_url=" + listener.successUrl(), "reject_url=" + listener.rejectUrl());
        assertThat(listener.successUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+/[0-9a-f]{32}/approved");
        assertThat(ApprovalListener.pasteUrl(URI.create("https://blog.example.com/")).toString()).isEqualTo(
                "https://blog.example.com/wp-admin/authorize-application.php?app_name=Postwright&app_id="
                        + ApprovalListener.APP_ID);
    }

    @Test
    void aCancelEndsTheWaitAndClosesThePort() throws Exception {
        var listener = listen();
        listener.cancel();
        assertThatThrownBy(() -> listener.approval().get(10, TimeUnit.SECONDS))
                .isInstanceOf(CancellationException.class);
        awaitClosed(listener.successUrl());
    }

    @Test
    void theWaitEndsAfterItsTimeLimit() throws Exception {
        listener = ApprovalListener.open(new SecureRandom(), Duration.ofMillis(200));
        assertThatThrownBy(() -> listener.approval().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
        awaitClosed(listener.successUrl());
    }

    /** The port closes just after the wait ends, on another thread: the next request is refused. */
    private void awaitClosed(URI url) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                get(url);
            } catch (IOException refused) {
                return;
            }
        }
        throw new AssertionError(url + " still answers");
    }
}
