package dev.postwright;

public final class Postwright {
    public static void main(String[] args) {
        dev.postwright.ui.DesktopApp.launchApp(args);
    }
}
