package dev.postwright.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.publish.wordpress.Site;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's WordPress sites: sites.json for the facts, the key store for the passwords. */
class SiteBookTest {
    @TempDir Path dir;

    private SiteBook book() {
        return new SiteBook(dir, new PrivateFileSecrets(dir));
    }

    @Test
    void sitesAreKeptInOrderFoundWithoutCaseAndTheirPasswordsStayOutOfTheFile() throws Exception {
        SiteBook sites = book();
        sites.save(new Site("Company blog", URI.create("https://blog.example.com"), "ada"), "abcd efgh ijkl");
        sites.save(new Site("Shop", URI.create("https://shop.example.com/news"), "bo"), "qrst uvwx");

        SiteBook reopened = book();
        assertThat(reopened.list()).extracting(Site::name).containsExactly("Company blog", "Shop");
        assertThat(reopened.find("company BLOG")).map(Site::address).contains(URI.create("https://blog.example.com/"));
        assertThat(reopened.password("Company Blog")).contains("abcd efgh ijkl");
        assertThat(Files.readString(dir.resolve(SiteBook.NAME))).contains("https://shop.example.com/news/")
                .doesNotContain("abcd").doesNotContain("qrst");

        reopened.save(new Site("company blog", URI.create("https://blog.example.com"), "ada2"), null);
        assertThat(reopened.list()).extracting(Site::user).containsExactly("ada2", "bo");
        assertThat(reopened.password("Company blog")).as("a blank password keeps the kept one").contains("abcd efgh ijkl");

        reopened.remove("Shop");
        assertThat(book().list()).extracting(Site::name).containsExactly("company blog");
        assertThat(reopened.password("Shop")).isEmpty();
    }

    @Test
    void namesAndAddressesAreCheckedInWords() {
        assertThat(SiteBook.problemWith("", "https://a.example")).contains("Give the site a name");
        assertThat(SiteBook.problemWith("Blog", "")).contains("Enter the site's address");
        assertThat(SiteBook.problemWith("Blog", "ftp://a.example")).contains("must start with https://");
        assertThat(SiteBook.problemWith("Blog", "https://a.example/?p=1")).contains("without ? or #");
        assertThat(SiteBook.problemWith("Blog", "https://a example")).contains("is not a web address");
        assertThat(SiteBook.problemWith("x".repeat(81), "https://a.example")).contains("80 characters");
        assertThat(SiteBook.problemWith("Blog", "https://a.example")).isNull();
        assertThatThrownBy(() -> book().save(new Site(" ", URI.create("https://a.example"), "u"), "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Give the site a name");
    }

    @Test
    void aDamagedFileIsSetAsideAndSaidAndTheBookStartsAgain() throws Exception {
        Files.writeString(dir.resolve(SiteBook.NAME), "{\"sites\": [ {\"name\": ");
        SiteBook sites = book();

        assertThat(sites.list()).isEmpty();
        assertThat(sites.problem()).contains("was damaged").contains("sites.json.damaged");
        assertThat(dir.resolve("sites.json.damaged")).exists();

        sites.save(new Site("Blog", URI.create("https://a.example"), "u"), "p");
        assertThat(sites.problem()).isNull();
        assertThat(book().list()).hasSize(1);
    }

    @Test
    void entriesThatCannotBeUsedAreSkippedAndTheRestKept() throws Exception {
        Files.writeString(dir.resolve(SiteBook.NAME), """
                {"sites": [{"name": "Good", "address": "https://good.example", "user": "u"},
                           {"name": "", "address": "https://nameless.example", "user": "u"},
                           {"name": "Bad address", "address": "javascript:alert(1)", "user": "u"},
                           {"name": "No user", "address": "https://nouser.example"}]}""");
        assertThat(book().list()).extracting(Site::name).containsExactly("Good");
    }
}
