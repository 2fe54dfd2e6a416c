package org.vidcase.exchange.format;

/** What kind of file an entry's hashes describe. */
public enum MediaKind {
    IMAGE, VIDEO, OTHER
}
