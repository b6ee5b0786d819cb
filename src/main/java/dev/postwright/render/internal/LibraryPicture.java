package dev.postwright.render.internal;

/** A library image as an export places it: its bytes, media type and the file name it goes by. */
public record LibraryPicture(byte[] bytes, String mediaType, String fileName) {}
