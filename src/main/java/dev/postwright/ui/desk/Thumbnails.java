package dev.postwright.ui.desk;

import dev.postwright.model.StoredImage;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.parts.UiServices;
import java.io.ByteArrayInputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/**
 * The Visuals panel's thumbnails of library images: each read and decoded once, off the FX thread,
 * at twice the shown width (sharp on HiDPI), never at the picture's full size. An image's bytes
 * never change, so a decoded thumbnail is kept while its image is on the panel. FX thread.
 */
final class Thumbnails {
    static final double WIDTH = 260;

    private final UiServices ui;
    private final Map<String, Image> decoded = new HashMap<>();

    Thumbnails(UiServices ui) {
        this.ui = ui;
    }

    /** An empty thumbnail view, described for screen readers by {@code alt}. */
    static ImageView view(String alt) {
        var picture = new ImageView();
        picture.setFitWidth(WIDTH);
        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        picture.setAccessibleText(alt);
        return picture;
    }

    /** What a picture is: "1600 × 900 · offline · 109 KB". */
    static String facts(StoredImage image) {
        return image.width() + " × " + image.height() + " · " + image.source() + " · "
                + String.format(Locale.ROOT, "%,d KB", Math.max(1, image.size() / 1024));
    }

    /** Forgets the thumbnails of images no longer on the panel. */
    void keepOnly(Collection<String> ids) {
        decoded.keySet().retainAll(ids);
    }

    /**
     * Shows {@code image} in {@code view}: at once when decoded before, else once decoded; when the
     * file is missing or cannot be read, {@code problem} gets a sentence for the writer instead.
     */
    void show(StoredImage image, ImageView view, Consumer<String> problem) {
        view.setUserData(image.id()); // what the view should show now: a decode for an earlier picture must not land
        Image known = decoded.get(image.id());
        if (known != null) {
            view.setImage(known);
            return;
        }
        ui.tasks().execute(BackgroundTask.call(() -> ui.renderer().images().image(image.id())
                        .map(data -> new Image(new ByteArrayInputStream(data.bytes()), WIDTH * 2, 0, true, true)))
                .onSuccess(loaded -> loaded.ifPresentOrElse(thumbnail -> {
                    if (thumbnail.isError()) {
                        problem.accept("This picture cannot be shown here (JavaFX reads PNG and JPEG, not WebP); "
                                + "the post and its exports have it.");
                        return;
                    }
                    decoded.put(image.id(), thumbnail);
                    if (image.id().equals(view.getUserData())) view.setImage(thumbnail);
                }, () -> problem.accept("The image file is missing from the library.")))
                .onFailure(e -> problem.accept("The image could not be shown: " + e.getMessage())));
    }
}
