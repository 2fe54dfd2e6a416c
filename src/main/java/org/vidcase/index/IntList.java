package org.vidcase.index;

import java.util.Arrays;

/** Append-only list of primitive ints, for collecting positions without boxing. */
final class IntList {

    private int[] values = new int[16];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    /** The backing array; only {@code [0, size())} is meaningful. */
    int[] values() {
        return values;
    }
}
