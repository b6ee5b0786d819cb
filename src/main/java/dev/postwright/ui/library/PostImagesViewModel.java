package dev.postwright.ui.library;

import dev.postwright.model.ImageRefEdits;
import dev.postwright.model.ImageRefEdits.Edit;
import dev.postwright.model.StoredImage;
import dev.postwright.store.ImageStore;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.fx.FxTasks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

/**
 * The open post's images (its rows in the {@link ImageStore}) and the edits that show them in
 * its Markdown: insert one at the caret, replace or remove the selected one's references, change
 * their alt text, add a picture from a file. Edits go through the editor like typing does, so they
 * make the post dirty and a save keeps them as a version; removing never deletes an image, since
 * older versions may still show it. Store and file work runs on the background executor through
 * {@link FxTasks}; every property changes on the FX thread.
 */
public final class PostImagesViewModel {
    private static final System.Logger LOG = System.getLogger(PostImagesViewModel.class.getName());
    /** What the selected image's references say; editing it rewrites them (or, when none, sets what Insert writes). */
    public final StringProperty altText = new SimpleStringProperty("");
    public final ObjectProperty<StoredImage> selected = new SimpleObjectProperty<>();

    private final ObservableList<StoredImage> images = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Map<String, String>> shown = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ImageStore store;
    private final StringProperty content;
    private final FxTasks tasks;
    private final Map<String, Image> thumbnails = new HashMap<>();
    private Consumer<Edit> editor;
    private IntSupplier caret;
    private String postId;
    private long opened;
    private boolean syncing;

    /** @param content the post's Markdown as edited */
    public PostImagesViewModel(ImageStore store, StringProperty content, FxTasks tasks) {
        this.store = store;
        this.content = content;
        this.tasks = tasks;
        this.editor = edit -> content.set(edit.markdown());
        this.caret = () -> content.get().length();
        content.addListener((o, was, now) -> contentChanged());
        selected.addListener((o, was, now) -> {
            message.set("");
            showAlt();
        });
        altText.addListener((o, was, now) -> altEdited(now));
    }

    /**
     * Where the edits go and where the caret is: the view's text area, so an edit is one step of
     * its undo and the caret lands after an insert ({@code apply} leaves the caret where it is for
     * an edit whose caret is -1). Without one, edits set the content and inserts go at its end.
     */
    public void useEditor(Consumer<Edit> apply, IntSupplier caretPosition) {
        this.editor = Objects.requireNonNull(apply, "apply");
        this.caret = Objects.requireNonNull(caretPosition, "caretPosition");
    }

    /** Lists post {@code id}'s images (again, after a revert or restore: the selection and thumbnails stay). FX thread. */
    public void open(String id) {
        boolean same = id.equals(postId);
        String wasSelected = same && selected.get() != null ? selected.get().id() : null;
        postId = id;
        long ticket = ++opened;
        if (!same) {
            images.clear();
            selected.set(null);
            thumbnails.clear();
        }
        message.set("");
        tasks.execute(BackgroundTask.call(() -> store.ofPost(id)).onSuccess(found -> {
            if (ticket != opened) return;
            images.setAll(found);
            selected.set(found.stream().filter(i -> i.id().equals(wasSelected)).findFirst()
                    .orElse(found.isEmpty() ? null : found.getFirst()));
        }).onFailure(e -> {
            if (ticket == opened) message.set("The post's images could not be read: " + e.getMessage());
        }));
    }

    public void close() {
        postId = null;
        opened++;
        images.clear();
        selected.set(null);
        thumbnails.clear();
        message.set("");
    }

    /** Shows the selected image at the caret, on a line of its own, with the alt text above. */
    public void insert() {
        StoredImage image = selected.get();
        if (image == null) return;
        apply(ImageRefEdits.insert(content.get(), caret.getAsInt(), altForInsert(image), image.id()));
        message.set("Inserted. Save to keep it as a new version.");
    }

    /** Points every reference to the selected image at {@code other}, each keeping its alt text. */
    public void replaceWith(StoredImage other) {
        StoredImage image = selected.get();
        if (image == null || other == null || other.id().equals(image.id())) return;
        int count = count(image.id());
        String text = content.get();
        apply(new Edit(ImageRefEdits.replace(text, image.id(), other.id()), -1));
        selected.set(other);
        message.set(count == 1 ? "Replaced." : "Replaced in " + count + " places.");
    }

    /** Takes the selected image's references out of the text; the image stays with the post. */
    public void remove() {
        StoredImage image = selected.get();
        if (image == null) return;
        int count = count(image.id());
        if (count == 0) return;
        apply(new Edit(ImageRefEdits.remove(content.get(), image.id()), -1));
        message.set((count == 1 ? "Taken out of the text" : "Taken out of " + count + " places")
                + "; the image stays with the post.");
    }

    /** Keeps the picture in {@code file} with the post, then inserts it at the caret. */
    public void addFromFile(Path file) {
        keepFile(file, added -> {
            apply(ImageRefEdits.insert(content.get(), caret.getAsInt(), added.altText(), added.id()));
            message.set("Added “" + file.getFileName() + "” and inserted it. Save to keep it as a new version.");
        });
    }

    /** Keeps the picture in {@code file} with the post, then shows it in place of the selected image. */
    public void replaceWithFile(Path file) {
        StoredImage image = selected.get();
        if (image == null) return;
        keepFile(file, added -> {
            selected.set(image);
            replaceWith(added);
        });
    }

    /**
     * The image decoded at thumbnail size (never its full size) off the FX thread, then handed to
     * {@code then} on it; once decoded it is kept while the post is open. {@code failed} gets a
     * sentence when the file is missing or damaged, or the picture is one JavaFX cannot show (WebP).
     */
    public void thumbnail(StoredImage image, double width, double height, Consumer<Image> then, Consumer<String> failed) {
        Image known = thumbnails.get(image.id());
        if (known != null) {
            then.accept(known);
            return;
        }
        long ticket = opened; // a decode that ends after another post opened is not this post's any more
        tasks.execute(BackgroundTask.call(() -> {
            var decoded = new Image(new ByteArrayInputStream(store.bytes(image)), width, height, true, true);
            if (decoded.isError()) throw new IOException("No preview of " + kind(image) + " pictures here.");
            return decoded;
        }).onSuccess(decoded -> {
            if (ticket != opened) return;
            thumbnails.put(image.id(), decoded);
            then.accept(decoded);
        }).onFailure(e -> {
            if (ticket == opened) failed.accept(e.getMessage());
        }));
    }

    public ObservableList<StoredImage> images() { return images; }
    /** The images the Markdown shows now (outside code): each id with the alt text of its first reference. */
    public ReadOnlyObjectProperty<Map<String, String>> shownProperty() { return shown.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public boolean isShown(StoredImage image) {
        return image != null && shown.get().containsKey(image.id());
    }

    /** The alt text the post gives {@code image}: its first reference's, else the one it was kept with. */
    public String altOf(StoredImage image) {
        String alt = shown.get().get(image.id());
        if (alt != null) return alt;
        return image.altText() == null ? "" : image.altText();
    }

    /** "1600 × 900 · featured · PNG, 182 KB" */
    public static String facts(StoredImage image) {
        return image.width() + " × " + image.height() + " · " + image.placement() + " · " + kind(image) + ", "
                + String.format(Locale.ROOT, "%,d KB", Math.max(1, image.size() / 1024));
    }

    private void keepFile(Path file, Consumer<StoredImage> then) {
        String id = postId;
        if (id == null) return;
        message.set("Adding “" + file.getFileName() + "”…");
        tasks.execute(BackgroundTask.call(() -> store.save(PictureFiles.read(file, id))).onSuccess(added -> {
            if (!id.equals(postId)) return;
            images.add(added);
            selected.set(added);
            then.accept(added);
        }).onFailure(e -> {
            if (!id.equals(postId)) return; // another post is open now: its message line is not about this file
            if (!(e instanceof PictureFiles.Refused)) {
                LOG.log(Level.WARNING, "{0} could not be added: {1}", file, e.getMessage());
            }
            message.set(e instanceof PictureFiles.Refused ? e.getMessage()
                    : "“" + file.getFileName() + "” could not be added: " + e.getMessage());
        }));
    }

    private String altForInsert(StoredImage image) {
        String typed = altText.get();
        if (typed != null && !typed.isBlank()) return typed;
        return image.altText() == null ? "" : image.altText();
    }

    private int count(String id) {
        return (int) ImageRefEdits.refs(content.get()).stream().filter(r -> r.id().equals(id)).count();
    }

    private void apply(Edit edit) {
        if (edit.markdown().equals(content.get())) return;
        editor.accept(edit);
    }

    private void contentChanged() {
        var now = new LinkedHashMap<String, String>();
        for (ImageRefEdits.Ref ref : ImageRefEdits.refs(content.get())) now.putIfAbsent(ref.id(), ref.alt());
        if (!now.equals(shown.get())) shown.set(Collections.unmodifiableMap(now));
        // Undo, revert or typing in the Markdown changed the alt text: the field follows.
        StoredImage image = selected.get();
        if (image != null && !syncing) {
            String alt = now.get(image.id());
            if (alt != null && !alt.equals(altText.get())) setAltQuietly(alt);
        }
    }

    private void showAlt() {
        StoredImage image = selected.get();
        if (image == null) {
            setAltQuietly("");
            return;
        }
        setAltQuietly(altOf(image));
    }

    private void altEdited(String alt) {
        StoredImage image = selected.get();
        if (syncing || image == null || !isShown(image)) return;
        syncing = true;
        try {
            apply(new Edit(ImageRefEdits.setAlt(content.get(), image.id(), alt), -1));
        } finally {
            syncing = false;
        }
    }

    private void setAltQuietly(String alt) {
        syncing = true;
        try {
            altText.set(alt);
        } finally {
            syncing = false;
        }
    }

    private static String kind(StoredImage image) {
        return switch (image.mediaType()) {
            case "image/png" -> "PNG";
            case "image/jpeg" -> "JPEG";
            case "image/webp" -> "WebP";
            default -> image.mediaType();
        };
    }
}
