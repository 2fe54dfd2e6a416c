package org.vidcase.index;

/** Plain CSR offsets: four bytes per bucket, no limit on bucket sizes. */
final class ArrayBucketDirectory implements BucketDirectory {

    private final int[] offsets;

    ArrayBucketDirectory(int[] offsets) {
        this.offsets = offsets;
    }

    @Override
    public void bounds(int[] keys, int from, int to, int[] starts, int[] ends) {
        int[] offsets = this.offsets;
        for (int i = from; i < to; i++) {
            int key = keys[i];
            starts[i] = offsets[key];
            ends[i] = offsets[key + 1];
        }
    }

    @Override
    public long memoryBytes() {
        return 4L * offsets.length;
    }
}
