package dev.postwright.ui.library;

import dev.postwright.model.LibraryPost;
import dev.postwright.store.PostLibrary;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.fx.FxFrames;
import dev.postwright.ui.fx.FxTasks;
import java.lang.System.Logger.Level;
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
    private final FxTasks tasks;
    private final AtomicLong latest = new AtomicLong();

    public LibraryViewModel(PostLibrary library, String organizationId, FxFrames frames, Executor background) {
        this.library = library;
        this.organizationId = organizationId;
        this.tasks = new FxTasks(background, frames);
        query.addListener((o, was, now) -> refresh());
    }

    /** Runs the search again (the library changed, or the tab was opened). FX thread. */
    public void refresh() {
        long ticket = latest.incrementAndGet();
        String text = query.get();
        tasks.execute(BackgroundTask.call(() -> library.search(organizationId, text, LIMIT))
                .onSuccess(found -> {
                    if (ticket != latest.get()) return;
                    posts.setAll(found);
                    summary.set(summaryOf(found.size(), text));
                })
                .onFailure(e -> {
                    LOG.log(Level.WARNING, "The library could not be searched: {0}", e.getMessage());
                    summary.set("The library could not be read: " + e.getMessage());
                }));
    }

    /** Hides the post; {@code onDeleted} runs on the FX thread after, to offer {@link #undelete}. */
    public void delete(LibraryPost post, Runnable onDeleted) {
        tasks.execute(BackgroundTask.call(() -> library.delete(post.id())).onSuccess(deleted -> {
            if (deleted) onDeleted.run();
            refresh();
        }));
    }

    public void undelete(String id) {
        tasks.execute(BackgroundTask.run(() -> library.undelete(id)).onSuccess(done -> refresh()));
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
