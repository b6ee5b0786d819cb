package dev.postwright.render;

/** The preview's colour scheme. */
public enum Theme {
    LIGHT, DARK
}
