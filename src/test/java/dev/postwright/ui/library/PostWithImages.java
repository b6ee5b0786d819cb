package dev.postwright.ui.library;

import dev.postwright.images.BrandColours;
import dev.postwright.images.CardText;
import dev.postwright.images.ImageRequest;
import dev.postwright.images.ImageSize;
import dev.postwright.images.MadeImage;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.model.BlogPost;
import dev.postwright.model.Embeds;
import dev.postwright.model.ImageRefs;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.StoredImage;
import dev.postwright.store.Database;
import dev.postwright.store.ImageStore;
import dev.postwright.store.OrganizationProfiles;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.TimeOrderedIds;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;

/**
 * A real SQLite library holding one post as a blog job leaves it: a featured picture shown in the
 * text (and once more inside a code fence, which is text), two social cards kept with the post but
 * not shown, all three real PNGs drawn by the offline maker.
 */
final class PostWithImages implements AutoCloseable {
    static final String INTRO = "Rye bread asks for patience and a warm kitchen.";
    static final String FENCE = "```markdown\n![Shown as code](postwright-image:%s)\n```";

    final Database db;
    final PostLibrary library;
    final ImageStore images;
    final OrganizationProfiles profiles;
    final StoredImage featured;
    final StoredImage wide;
    final StoredImage square;
    final LibraryPost post;

    PostWithImages(Path dir) throws Exception {
        db = Database.open(dir.resolve("p.db"));
        var clock = Clock.systemUTC();
        library = new PostLibrary(db, clock, new TimeOrderedIds(clock, new Random(7)));
        images = new ImageStore(db, dir.resolve("images"), clock, new TimeOrderedIds(clock, new Random(8)));
        profiles = new OrganizationProfiles(db, clock);
        featured = keep(ImageSize.FEATURED, "featured", "A rye loaf on a board");
        wide = keep(ImageSize.SOCIAL_CARD, "social-wide", "Rye at home, a card for sharing");
        square = keep(ImageSize.SQUARE, "social-square", "Rye at home, a square card");
        String content = "# Rye at home\n\n" + ImageRefs.markdown(featured.altText(), featured.id()) + "\n\n" + INTRO
                + "\n\n## Method\n\nMix, wait, bake.\n\n" + FENCE.formatted(featured.id()) + "\n";
        var blog = new BlogPost("Rye at home", null, content, "Rye bread at home, step by step, for home bakers.",
                List.of(), List.of(), null, List.of(), List.of(), null, null, Embeds.NONE);
        post = library.save(new PostLibrary.NewPost(blog, "local", "rye-at-home", "rye bread", "draft", 20, "job-1"));
        images.attach("job-1", post.id());
    }

    StoredImage reread(StoredImage image) {
        return images.find(image.id()).orElseThrow();
    }

    private StoredImage keep(ImageSize size, String placement, String alt) throws Exception {
        MadeImage made = png(size);
        return images.save(new ImageStore.NewImage(made.bytes(), made.mediaType(), made.width(), made.height(), placement,
                "a card", alt, made.source(), "job-1", null, null));
    }

    /** A real PNG card of {@code size}. */
    static MadeImage png(ImageSize size) throws Exception {
        var card = new CardText("Rye at home", "rye bread", "how-to", "Crumb & Co", new BrandColours("#1d3557", "#f4a261"));
        return new OfflineImageMaker().make(ImageRequest.ofCard(card, size), new CancellationToken());
    }

    @Override
    public void close() {
        db.close();
    }
}
