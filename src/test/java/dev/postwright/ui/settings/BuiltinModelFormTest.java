package dev.postwright.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.SelectedWriter;
import dev.postwright.llm.builtin.GgufWriter;
import dev.postwright.llm.builtin.Machine;
import dev.postwright.model.FieldProblem;
import dev.postwright.settings.BuiltinChoice;
import dev.postwright.settings.ModelChoice;
import dev.postwright.settings.Settings;
import dev.postwright.testing.ManualFrames;
import dev.postwright.ui.fx.FxTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.SimpleBooleanProperty;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in model fields of Settings, reading real GGUF headers and loading the tiny model through llama.cpp. */
class BuiltinModelFormTest {
    private static final Machine LAPTOP = new Machine(8, 16_000_000_000L);

    @TempDir Path dir;
    final ManualFrames frames = new ManualFrames();
    final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    final ExecutorService loader = Executors.newSingleThreadExecutor();
    final SimpleBooleanProperty chosen = new SimpleBooleanProperty(true);
    SelectedWriter writer = new SelectedWriter(OkHttpClient::new, loader, LAPTOP);

    @AfterEach
    void close() {
        writer.close();
        loader.close();
        background.close();
    }

    private BuiltinModelForm form(Settings current) {
        return new BuiltinModelForm(writer, current, chosen, new FxTasks(background, frames));
    }

    private static List<String> problems(BuiltinModelForm form) {
        List<FieldProblem> out = new ArrayList<>();
        form.addProblems(out);
        return out.stream().map(p -> p.field() + ": " + p.message()).toList();
    }

    @Test
    void eachBadFieldIsNamedOnlyWhileTheBuiltInModelIsChosen() {
        var form = form(Settings.DEFAULTS);
        form.threads.set("many");
        form.contextSize.set("100");
        assertThat(problems(form)).containsExactly(
                "builtinFile: Choose a GGUF model file, or download one of the models under Built-in model.",
                "builtinThreads: Threads must be a whole number from 1 to 64, or empty for automatic.",
                "builtinContext: The context size must be a whole number of tokens from 512 to 131,072, or empty for automatic.");
        form.threads.set(" 4 ");
        form.contextSize.set("4,096");
        form.file.set(dir.resolve("m.gguf").toString());
        assertThat(problems(form)).isEmpty(); // until the header is read
        assertThat(form.choice()).isEqualTo(new BuiltinChoice(dir.resolve("m.gguf"), 4, 4096, BuiltinChoice.ALL_LAYERS));
        chosen.set(false);
        form.file.set("");
        assertThat(problems(form)).isEmpty();
    }

    @Test
    void aFileThatIsNotAModelIsAProblemInTheReadersWords() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.gguf"), "shopping list: flour, rye, salt");
        var form = form(Settings.DEFAULTS);
        form.file.set(notes.toString());
        frames.runUntil(() -> !form.fileProblemProperty().get().isEmpty());
        assertThat(problems(form)).singleElement().asString()
                .startsWith("builtinFile: notes.gguf is not a GGUF model file.");
        assertThat(form.factsProperty().get()).isEmpty();

        form.file.set(dir.resolve("gone.gguf").toString());
        frames.runUntil(() -> form.fileProblemProperty().get().startsWith("There is no model file at "));
    }

    @Test
    void theTinyModelIsNamedWithTheMemoryItNeedsAndOneTooBigIsRefusedBeforeLoading() throws Exception {
        Path tiny = dir.resolve("tiny.gguf");
        GgufWriter.write(tiny, 3);
        var form = form(Settings.DEFAULTS);
        form.file.set(tiny.toString());
        frames.runUntil(() -> form.factsProperty().get().startsWith("postwright-tiny-test"));
        assertThat(form.factsProperty().get()).contains("needs about").contains("8,192 tokens of context")
                .endsWith("; this computer has 16.0 GB.");
        assertThat(problems(form)).isEmpty();

        writer.close();
        writer = new SelectedWriter(OkHttpClient::new, loader, new Machine(2, 50_000_000L));
        var small = form(Settings.DEFAULTS);
        small.file.set(tiny.toString());
        frames.runUntil(() -> !small.fileProblemProperty().get().isEmpty());
        assertThat(small.fileProblemProperty().get()).contains("this computer has 50 MB")
                .endsWith("Choose a smaller model, or a smaller context in Settings.");
    }

    @Test
    void theSavedModelsLoadingIsFollowedUntilItIsReleased() throws Exception {
        Path tiny = dir.resolve("tiny.gguf");
        GgufWriter.write(tiny, 5);
        var saved = new BuiltinChoice(tiny, 2, 2048, 0);
        var form = form(Settings.DEFAULTS.withModel(ModelChoice.builtin(saved)));
        assertThat(form.file.get()).isEqualTo(tiny.toString());
        assertThat(form.threads.get()).isEqualTo("2");
        assertThat(form.contextSize.get()).isEqualTo("2048");
        assertThat(form.useGpu.get()).isFalse();
        assertThat(form.choice()).isEqualTo(saved);
        assertThat(form.loadStateProperty().get()).as("nothing is loaded before a save").isEmpty();

        writer.select(ModelChoice.builtin(form.choice()), null); // what Save does
        form.saved();
        frames.runUntil(() -> form.loadStateProperty().get().startsWith("Ready"));
        assertThat(form.loadStateProperty().get()).matches(
                "Ready: postwright-tiny-test loaded in \\d+\\.\\d s, writing with 2 threads and 2,048 tokens of context\\.");

        writer.select(ModelChoice.OFFLINE, null);
        frames.runUntil(() -> form.loadStateProperty().get().isEmpty());
        assertThat(writer.builtin()).isEmpty();
    }
}
