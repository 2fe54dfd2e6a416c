package org.vidcase.media.domain;

/** How an item entered the system. */
public enum MediaSource {
    UPLOAD, VICS, CSV
}
