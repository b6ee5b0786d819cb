package dev.postwright.ui.library;

import dev.postwright.model.LibraryPost;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.StoreException;
import dev.postwright.ui.fx.FxFrames;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The library list: the posts matching the search box, newest first when it is empty. Queries
 * run on {@code background}; a reply to an older query than the latest is dropped, so fast
 * typing never shows stale results. Properties change on the FX thread only.
 */
public final class LibraryViewModel {
    private static final System.Logger LOG = System.getLogger(LibraryViewModel.class.getName());
    static final int LIMIT = 500;

    public final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<LibraryPost> posts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final PostLibrary library;
    private final String organizationId;
    private final FxFrames frames;
    private final Executor background;
    private final AtomicLong latest = new AtomicLong();

    public LibraryViewModel(PostLibrary library, String organizationId, FxFrames frames, Executor background) {
        this.library = library;
        this.organizationId = organizationId;
        this.frames = frames;
        this.background = background;
        query.addListener((o, was, now) -> refresh());
    }

    /** Runs the search again (the library changed, or the tab was opened). */
    public void refresh() {
        long ticket = latest.incrementAndGet();
        String text = query.get();
        background.execute(() -> {
            try {
                List<LibraryPost> found = library.search(organizationId, text, LIMIT);
                frames.nextFrame(() -> {
                    if (ticket != latest.get()) return;
                    posts.setAll(found);
                    summary.set(summaryOf(found.size(), text));
                });
            } catch (StoreException e) {
                LOG.log(Level.WARNING, "The library could not be searched: {0}", e.getMessage());
                frames.nextFrame(() -> summary.set("The library could not be read: " + e.getMessage()));
            }
        });
    }

    /** Hides the post; {@code onDeleted} runs on the FX thread after, to offer {@link #undelete}. */
    public void delete(LibraryPost post, Runnable onDeleted) {
        background.execute(() -> {
            if (library.delete(post.id())) frames.nextFrame(onDeleted);
            refresh();
        });
    }

    public void undelete(String id) {
        background.execute(() -> {
            library.undelete(id);
            refresh();
        });
    }

    public ObservableList<LibraryPost> posts() {
        return posts;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    private static String summaryOf(int count, String query) {
        boolean searching = query != null && !query.isBlank();
        if (count == 0) return searching ? "No posts match “" + query.strip() + "”." : "No posts yet: generate one on the desk.";
        String posts = count == 1 ? "1 post" : (count >= LIMIT ? "The first " + LIMIT + " posts" : count + " posts");
        return searching ? posts + " match “" + query.strip() + "”" : posts;
    }
}
