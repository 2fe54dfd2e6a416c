package org.vidcase.media.service;

/** What an upload changed, so that a second upload of known content is not mistaken for a new file. */
public enum UploadStatus {
    /** The content was new to the case: a new item with this location. */
    NEW_ITEM(201),
    /** The case knew the content only by hash (from an import): the item now has the file, and this location. */
    CONTENT_ADDED(200),
    /** The case already held the content: this location was added to its item. */
    LOCATION_ADDED(200),
    /** The case already held the content at this very location: nothing changed. */
    ALREADY_RECORDED(200);

    private final int httpStatus;

    UploadStatus(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
