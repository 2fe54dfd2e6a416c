package org.vidcase.exchange.format;

/**
 * One frame hash of a video (vPDQ): the frame's number, its PDQ hash and quality, and where it is in
 * the video in milliseconds. Room for video hashes in format version 1, before any node sends them.
 */
public record VpdqFrame(long frame, String pdq, int quality, long millis) {
}
