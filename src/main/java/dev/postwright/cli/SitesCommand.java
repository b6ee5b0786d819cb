package dev.postwright.cli;

import dev.postwright.engine.LocalEngine;
import dev.postwright.publish.PostPublisher;
import dev.postwright.publish.wordpress.ConnectionCheck;
import dev.postwright.publish.wordpress.Site;
import dev.postwright.publish.wordpress.WordPressClient;
import dev.postwright.settings.SecretStore.SecretStoreException;
import dev.postwright.settings.SiteBook;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postwright sites}: the WordPress sites posts are published to, as Settings ▸ Sites keeps them. */
@Command(name = "sites", mixinStandardHelpOptions = true, description = "Lists, adds, tests and removes WordPress sites.",
        subcommands = {SitesCommand.ListSites.class, SitesCommand.Add.class, SitesCommand.Test.class,
                SitesCommand.Remove.class})
public final class SitesCommand {
    /** Where {@code sites add} reads the application password from, if set (else the first line of standard input). */
    static final String PASSWORD_ENV = "POSTWRIGHT_WP_PASSWORD";

    abstract static class SitesSubcommand implements Callable<Integer> {
        @Mixin
        ConfigDirOption config;
        @Spec
        CommandSpec spec;

        abstract int run(SiteBook sites, PrintWriter out, PrintWriter err) throws SecretStoreException, IOException;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            SiteBook sites = config.sites();
            try {
                int code = run(sites, spec.commandLine().getOut(), err);
                if (sites.problem() != null) err.println(sites.problem());
                return code;
            } catch (SecretStoreException | IOException e) {
                err.println(e.getMessage());
                return ExitCodes.BAD_INPUT;
            } finally {
                spec.commandLine().getOut().flush();
                err.flush();
            }
        }

        /** Tests the connection; prints the result; OK only when connected. */
        static int test(Site site, String password, PrintWriter out) {
            ConnectionCheck check = new WordPressClient(LocalEngine.siteClient(), site, password, PostPublisher.TIMEOUT)
                    .check();
            out.println(check.words());
            return check instanceof ConnectionCheck.Connected ? ExitCodes.OK : ExitCodes.SERVER_UNAVAILABLE;
        }
    }

    @Command(name = "list", description = "Lists the sites.")
    static final class ListSites extends SitesSubcommand {
        @Override
        int run(SiteBook sites, PrintWriter out, PrintWriter err) throws SecretStoreException {
            if (sites.list().isEmpty()) out.println("No sites yet. Add one with: postwright sites add NAME --url … --user …");
            for (Site site : sites.list()) {
                boolean kept = sites.password(site.name()).isPresent();
                out.printf("%s  %s  as %s%s%n", site.name(), site.address(), site.user(),
                        kept ? "" : "  (no application password kept)");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "add", description = {"Adds a site, or replaces the one of that name, after testing the connection.",
            "The application password is read from " + PASSWORD_ENV + ", or else from the first line of standard input."})
    static final class Add extends SitesSubcommand {
        @Parameters(paramLabel = "NAME", description = "What to call the site, e.g. \"Company blog\".")
        String name;
        @Option(names = "--url", required = true, paramLabel = "URL", description = "The site's address.")
        String url;
        @Option(names = "--user", required = true, paramLabel = "USER", description = "The WordPress user who publishes.")
        String user;
        @Option(names = "--no-test", description = "Save without testing the connection (e.g. offline).")
        boolean noTest;

        Function<String, String> environment = System::getenv;

        @Override
        int run(SiteBook sites, PrintWriter out, PrintWriter err) throws SecretStoreException, IOException {
            String problem = SiteBook.problemWith(name, url);
            if (problem != null) {
                err.println(problem);
                return ExitCodes.BAD_INPUT;
            }
            String password = password();
            if (password == null || password.isBlank()) {
                if (sites.find(name).isEmpty() || sites.password(name).isEmpty()) {
                    err.println("Give the application password in " + PASSWORD_ENV + " or on standard input. Make one in "
                            + "WordPress under Users ▸ Profile ▸ Application Passwords.");
                    return ExitCodes.BAD_INPUT;
                }
                password = sites.password(name).orElseThrow();
            }
            Site site = new Site(name.strip(), URI.create(url.strip()), user.strip());
            if (!noTest) {
                int tested = test(site, password, out);
                if (tested != ExitCodes.OK) {
                    err.println("The site was not saved. Fix what is said above, or save it anyway with --no-test.");
                    return tested;
                }
            }
            sites.save(site, password);
            out.println("Saved " + site.name() + "; its password is kept in " + sites.whereSecretsAre() + ".");
            return ExitCodes.OK;
        }

        private String password() throws IOException {
            String given = environment.apply(PASSWORD_ENV);
            if (given != null) return given;
            var console = System.console();
            if (console != null) {
                char[] typed = console.readPassword("Application password for %s: ", user);
                return typed == null ? null : new String(typed);
            }
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
    }

    @Command(name = "test", description = "Tests the connection to a site.")
    static final class Test extends SitesSubcommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(SiteBook sites, PrintWriter out, PrintWriter err) throws SecretStoreException {
            Optional<Site> site = sites.find(name);
            if (site.isEmpty()) {
                err.println("There is no site called \"" + name + "\" (postwright sites list).");
                return ExitCodes.BAD_INPUT;
            }
            Optional<String> password = sites.password(site.get().name());
            if (password.isEmpty()) {
                err.println("No application password is kept for " + site.get().name() + "; add the site again.");
                return ExitCodes.BAD_INPUT;
            }
            return test(site.get(), password.get(), out);
        }
    }

    @Command(name = "remove", description = "Forgets a site and its password.")
    static final class Remove extends SitesSubcommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(SiteBook sites, PrintWriter out, PrintWriter err) throws SecretStoreException, IOException {
            if (sites.find(name).isEmpty()) {
                err.println("There is no site called \"" + name + "\".");
                return ExitCodes.BAD_INPUT;
            }
            sites.remove(name);
            out.println("Removed " + name + ".");
            return ExitCodes.OK;
        }
    }
}
