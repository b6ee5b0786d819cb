package dev.postwright.settings;

/** The main window's position and size in screen pixels, and whether it was maximized. */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    /** The smallest window that still shows the desk usably; smaller remembered sizes are ignored. */
    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 600;

    public boolean isUsable() {
        return Double.isFinite(x) && Double.isFinite(y) && width >= MIN_WIDTH && height >= MIN_HEIGHT;
    }
}
