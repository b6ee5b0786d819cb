package dev.postwright.testing;

import dev.postwright.images.ImageMaker;
import dev.postwright.images.ImageRequest;
import dev.postwright.images.ImageSize;
import dev.postwright.images.MadeImage;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobFailure;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The offline image maker, except that its first {@code failures} pictures fail permanently with
 * {@link #SENTENCE}, as an image server that refused the key would. Thread-safe.
 */
public final class FailingFirstImageMaker implements ImageMaker {
    public static final String SENTENCE = "The image server refused the key: check it in Settings.";

    private final OfflineImageMaker real = new OfflineImageMaker();
    private final AtomicInteger failuresLeft;

    public FailingFirstImageMaker(int failures) {
        this.failuresLeft = new AtomicInteger(failures);
    }

    @Override public String source() { return real.source(); }
    @Override public boolean accepts(ImageSize size) { return real.accepts(size); }
    @Override public String sizeRule() { return real.sizeRule(); }
    @Override public ImageSize defaultSize() { return real.defaultSize(); }

    @Override
    public MadeImage make(ImageRequest request, CancellationToken cancel) throws JobFailure {
        if (failuresLeft.getAndDecrement() > 0) throw JobFailure.permanent(SENTENCE, "AUTH");
        return real.make(request, cancel);
    }
}
