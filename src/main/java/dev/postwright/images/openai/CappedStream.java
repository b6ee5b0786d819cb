package dev.postwright.images.openai;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body that stops at a cap: the read that would pass {@code cap} bytes throws
 * {@link TooLargeException} instead, so an endless or oversized reply costs at most {@code cap}
 * bytes of reading. Not thread-safe (one reader, as any stream).
 */
final class CappedStream extends FilterInputStream {
    private final long cap;
    private long read;

    /** Thrown when a body passes its cap; an IOException so it travels through parsers unchanged. */
    static final class TooLargeException extends IOException {
        TooLargeException(long cap) {
            super("the body is larger than " + cap + " bytes", null);
        }
    }

    CappedStream(InputStream in, long cap) {
        super(in);
        this.cap = cap;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count(1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // Ask for at most one byte past the cap: enough to know it was passed, no more.
        int n = super.read(buffer, offset, (int) Math.min(length, cap - read + 1));
        if (n > 0) count(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, cap - read + 1));
        count(skipped);
        return skipped;
    }

    private void count(long n) throws TooLargeException {
        read += n;
        if (read > cap) throw new TooLargeException(cap);
    }
}
