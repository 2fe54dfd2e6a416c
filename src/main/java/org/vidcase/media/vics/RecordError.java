package org.vidcase.media.vics;

/**
 * A record that was skipped. {@code index} is the 0-based position in its VICS {@code Media} (or {@code value})
 * array, or the 1-based line number in a CSV file; {@code pointer} says where the problem is, as a JSON pointer
 * ({@code /value/0/Media/17/MD5}) or as {@code line 17, column sha1}.
 */
public record RecordError(long index, String pointer, String message) {
}
