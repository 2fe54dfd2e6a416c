package org.vidcase.exchange.format;

/**
 * One frame hash of a video (vPDQ): the frame's number, its PDQ hash and quality, and where it is in
 * the video in milliseconds. A node sends them for each decoded video it shares and stores those it pulls.
 */
public record VpdqFrame(long frame, String pdq, int quality, long millis) {
}
