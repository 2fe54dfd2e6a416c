package org.vidcase.index;

import java.util.Arrays;

/**
 * Numbers the entries of several build sources consecutively (source 0's first, and so on) and
 * maps a number back to its source, so a build can sort all inputs as one array of ints.
 */
final class InputRanges {

    private final int[] firstInput;
    private final int total;

    InputRanges(int[] counts) {
        firstInput = new int[counts.length];
        long next = 0;
        for (int s = 0; s < counts.length; s++) {
            firstInput[s] = (int) next;
            next += counts[s];
        }
        if (next > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many entries for one segment: " + next);
        }
        total = (int) next;
    }

    int total() {
        return total;
    }

    int first(int source) {
        return firstInput[source];
    }

    int sourceOf(int input) {
        if (firstInput.length == 1) {
            return 0;
        }
        int s = Arrays.binarySearch(firstInput, input);
        if (s < 0) {
            return -s - 2;
        }
        // Empty sources share their first number with the next one; the entry belongs to the last.
        while (s + 1 < firstInput.length && firstInput[s + 1] == input) {
            s++;
        }
        return s;
    }
}
