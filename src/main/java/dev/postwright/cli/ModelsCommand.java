package dev.postwright.cli;

import dev.postwright.engine.StopSignals;
import dev.postwright.llm.builtin.Bytes;
import dev.postwright.llm.builtin.download.CuratedModel;
import dev.postwright.llm.builtin.download.DownloadStop;
import dev.postwright.llm.builtin.download.CuratedModels;
import dev.postwright.llm.builtin.download.ModelDownload.Outcome;
import dev.postwright.llm.builtin.download.ModelDownload;
import dev.postwright.llm.builtin.download.ModelFolder;
import dev.postwright.llm.openai.HttpClients;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code postwright models}: the curated models Postwright can run itself ({@code --builtin-model}),
 * downloaded into {@code <dataDir>/models/} and checked against their published SHA-256.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Lists, downloads and removes the models Postwright can run itself (generate --builtin-model).",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Download.class, ModelsCommand.Remove.class})
public final class ModelsCommand {
    final List<CuratedModel> catalogue;
    final Function<String, String> environment;

    public ModelsCommand() {
        this(CuratedModels.all(), System::getenv);
    }

    /** The models offered and the environment read; tests give models a loopback server can serve. */
    ModelsCommand(List<CuratedModel> catalogue, Function<String, String> environment) {
        this.catalogue = List.copyOf(catalogue);
        this.environment = environment;
    }

    abstract static class ModelsSubcommand implements Callable<Integer> {
        @ParentCommand
        ModelsCommand models;
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;

        abstract int run(ModelFolder folder, PrintWriter out, PrintWriter err);

        @Override
        public Integer call() {
            try {
                return run(new ModelFolder(data.path()), spec.commandLine().getOut(), spec.commandLine().getErr());
            } finally {
                spec.commandLine().getOut().flush();
                spec.commandLine().getErr().flush();
            }
        }

        /** The curated model of that name; else says which there are, and empty. */
        Optional<CuratedModel> find(String name, PrintWriter err) {
            Optional<CuratedModel> found = models.catalogue.stream().filter(m -> m.name().equals(name)).findFirst();
            if (found.isEmpty()) {
                err.println("There is no model called \"" + name + "\" (postwright models list). The models are: "
                        + models.catalogue.stream().map(CuratedModel::name).collect(Collectors.joining(", ")) + ".");
            }
            return found;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the models offered, and which are downloaded.")
    static final class ListModels extends ModelsSubcommand {
        @Override
        int run(ModelFolder folder, PrintWriter out, PrintWriter err) {
            for (CuratedModel model : models.catalogue) {
                out.printf("%s  %s  %s  %s%n", model.name(), model.displayName(), Bytes.describe(model.sizeBytes()),
                        model.licence());
                out.println("    " + model.goodFor());
                out.println("    " + status(folder, model));
            }
            return ExitCodes.OK;
        }

        private static String status(ModelFolder folder, CuratedModel model) {
            if (Files.isRegularFile(folder.path(model))) return "Installed at " + folder.path(model);
            long part;
            try {
                part = folder.partialBytes(model);
            } catch (IOException e) {
                part = 0;
            }
            if (part > 0) {
                return "Partly downloaded: " + Bytes.describe(part) + " of " + Bytes.describe(model.sizeBytes())
                        + " (postwright models download " + model.name() + " resumes)";
            }
            return "Not downloaded (postwright models download " + model.name() + ")";
        }
    }

    @Command(name = "download", mixinStandardHelpOptions = true, description = {"Downloads a model, resuming an earlier download, and checks its SHA-256.",
            "Ctrl+C stops it; what was downloaded is kept for the next run."})
    static final class Download extends ModelsSubcommand {
        @Parameters(paramLabel = "NAME", description = "The model's short name, as models list shows it.")
        String name;

        @Option(names = "--mirror", paramLabel = "URL", description = "A server standing in for https://huggingface.co "
                + "(default: " + ModelDownload.MIRROR_ENV + " if set). The checksum is checked either way.")
        String mirror;

        @Override
        int run(ModelFolder folder, PrintWriter out, PrintWriter err) {
            Optional<CuratedModel> found = find(name, err);
            if (found.isEmpty()) return ExitCodes.BAD_INPUT;
            CuratedModel model = found.get();
            String given = mirror != null ? mirror : models.environment.apply(ModelDownload.MIRROR_ENV);
            Optional<URI> base;
            try {
                base = ModelDownload.mirror(given);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (Files.isRegularFile(folder.path(model))) {
                out.println(model.displayName() + " is already installed at " + folder.path(model) + ".");
                printUse(out, folder.path(model));
                return ExitCodes.OK;
            }
            var download = new ModelDownload(HttpClients.shared(), folder, base, System::nanoTime, ModelDownload.FreeSpace.fileStore());
            URI source = download.source(model);
            err.println("Downloading " + model.displayName() + " (" + Bytes.describe(model.sizeBytes()) + ") from "
                    + source.getHost() + (source.getPort() < 0 ? "" : ":" + source.getPort()) + "…");
            err.flush();
            var lines = new ProgressLines(err, System::nanoTime);
            // Ctrl+C cancels the read in flight too, so a stalled server does not hold the process.
            var stop = new DownloadStop();
            Outcome outcome;
            try (var signals = StopSignals.listen(stop::ask)) {
                outcome = download.run(model, lines::offer, stop);
            }
            lines.finish();
            return switch (outcome) {
                case Outcome.Installed installed -> {
                    out.println("Installed " + model.displayName() + " at " + installed.file() + ".");
                    printUse(out, installed.file());
                    yield ExitCodes.OK;
                }
                case Outcome.Stopped stopped -> {
                    err.println("Stopped at " + Bytes.describe(stopped.bytesKept()) + "; what was downloaded is kept "
                            + "in " + folder.partPath(model) + ". Run postwright models download " + model.name()
                            + " again to resume.");
                    yield ExitCodes.STOPPED;
                }
                case Outcome.Failed failed -> {
                    err.println(failed.sentence());
                    yield ExitCodes.JOB_FAILED;
                }
            };
        }

        private static void printUse(PrintWriter out, Path file) {
            String path = file.toString().matches(".*[\\s'\"].*") ? "\"" + file + "\"" : file.toString();
            out.println("Write with it: postwright generate --builtin-model " + path + " --request brief.json --out post.md");
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Deletes a downloaded model, and any part of one.")
    static final class Remove extends ModelsSubcommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(ModelFolder folder, PrintWriter out, PrintWriter err) {
            Optional<CuratedModel> found = find(name, err);
            if (found.isEmpty()) return ExitCodes.BAD_INPUT;
            CuratedModel model = found.get();
            List<Path> there = new ArrayList<>();
            for (Path path : List.of(folder.path(model), folder.partPath(model))) {
                if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) there.add(path);
            }
            try {
                folder.remove(model);
            } catch (IOException e) {
                err.println("Could not remove " + model.displayName() + " from " + folder.folder() + " (" + e.getMessage()
                        + ").");
                return ExitCodes.DATABASE_UNAVAILABLE;
            }
            if (there.isEmpty()) {
                out.println("Nothing to remove: " + model.name() + " is not downloaded.");
            } else {
                out.println("Removed " + there.stream().map(Path::toString).collect(Collectors.joining(" and ")) + ".");
            }
            return ExitCodes.OK;
        }
    }
}
