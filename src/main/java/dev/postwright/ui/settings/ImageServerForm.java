package dev.postwright.ui.settings;

import dev.postwright.images.ImageSize;
import dev.postwright.images.openai.ImageServer;
import dev.postwright.model.FieldProblem;
import dev.postwright.model.WebUrls;
import dev.postwright.settings.ImageChoice;
import dev.postwright.settings.SecretStore.SecretStoreException;
import dev.postwright.settings.Settings;
import java.util.List;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "Who makes images" part of Settings: the built-in offline maker, or an OpenAI-compatible
 * image server (LocalAI, stable-diffusion.cpp's server, OpenAI) with its address, model, default
 * size and API key. As with {@link ModelServerForm}, the key goes to the key store (under
 * {@link ImageChoice#keyName}), never the settings file, and a blank key field keeps the stored
 * one. Part of {@link SettingsViewModel}, which saves it with everything else.
 */
public final class ImageServerForm {
    /** The largest side an image server is asked for. */
    private static final int MAX_SIDE = 4096;

    public final BooleanProperty useServer = new SimpleBooleanProperty();
    public final StringProperty serverUrl = new SimpleStringProperty("");
    public final StringProperty model = new SimpleStringProperty("");
    /** {@code WxH}, or blank for the server's default. */
    public final StringProperty size = new SimpleStringProperty("");
    /** A new key to save; blank keeps the stored one. Cleared after saving. */
    public final StringProperty apiKey = new SimpleStringProperty("");

    private final SettingsServices services;

    ImageServerForm(SettingsServices services, Settings current) {
        this.services = services;
        ImageChoice images = current.images();
        useServer.set(!images.isOffline());
        serverUrl.set(images.isOffline() ? ImageServer.LOCALAI_URL : images.baseUrl());
        model.set(Objects.requireNonNullElse(images.model(), ""));
        size.set(Objects.requireNonNullElse(images.size(), ""));
    }

    void addProblems(List<FieldProblem> out) {
        if (!useServer.get()) return;
        if (!WebUrls.isWebAddress(serverUrl.get())) {
            out.add(new FieldProblem("imageServerUrl", "The image server's address must start with http:// or https://, "
                    + "like " + ImageServer.LOCALAI_URL + "."));
        } else if (model.get().isBlank()) {
            out.add(new FieldProblem("imageModel", "Name the image server's model, such as dall-e-3 or sd-turbo."));
        }
        if (!size.get().isBlank()) {
            try {
                ImageSize chosen = ImageSize.parse(size.get());
                if (chosen.width() < 64 || chosen.height() < 64 || chosen.width() > MAX_SIDE || chosen.height() > MAX_SIDE) {
                    out.add(new FieldProblem("imageSize", "An image's sides must be 64 to " + MAX_SIDE + " pixels."));
                }
            } catch (IllegalArgumentException e) {
                out.add(new FieldProblem("imageSize", e.getMessage()));
            }
        }
    }

    /** What Settings keep. */
    ImageChoice choice() {
        return useServer.get() ? new ImageChoice(serverUrl.get(), model.get(), size.get()) : ImageChoice.OFFLINE;
    }

    /** The key typed to save, stripped; empty keeps the stored one. */
    String typedKey() {
        return apiKey.get().strip();
    }

    /**
     * Stores a typed key and makes {@code choice} the image maker. Runs on the background thread
     * during save; returns whether a key was stored.
     */
    boolean apply(ImageChoice choice, String typedKey) throws SecretStoreException {
        if (choice.isOffline()) {
            services.imageMaker().select(choice, null);
            return false;
        }
        String name = ImageChoice.keyName(choice.baseUrl());
        boolean keySaved = !typedKey.isEmpty();
        if (keySaved) services.secrets().write(name, typedKey);
        services.imageMaker().select(choice, services.secrets().read(name).orElse(null));
        return keySaved;
    }

    /** After a save, on the FX thread. */
    void saved(boolean keySaved) {
        if (keySaved) apiKey.set("");
    }

    /** Where keys are kept, for the form's note. */
    public String keyNote() {
        return "Leave the key empty to keep the stored one. Local servers (LocalAI, stable-diffusion.cpp) need none; "
                + "keys are kept in " + services.secrets().description() + ".";
    }

    /** What the problems depend on. */
    Observable[] inputs() {
        return new Observable[] {useServer, serverUrl, model, size};
    }
}
