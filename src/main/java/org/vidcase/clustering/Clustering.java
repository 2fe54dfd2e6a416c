package org.vidcase.clustering;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of grouping pictures: the group of each picture (numbered from 0 in order of each
 * group's first picture) and the links that put them together.
 */
public final class Clustering {

    private final int[] groupOf;
    private final int groups;
    private final List<SimilarLink> links;

    Clustering(int[] groupOf, int groups, List<SimilarLink> links) {
        this.groupOf = groupOf;
        this.groups = groups;
        this.links = List.copyOf(links);
    }

    static Clustering of(UnionFind sets, int n, List<SimilarLink> links) {
        int[] groupOf = new int[n];
        int[] labelOfRoot = new int[n];
        java.util.Arrays.fill(labelOfRoot, -1);
        int groups = 0;
        for (int i = 0; i < n; i++) {
            int root = sets.find(i);
            if (labelOfRoot[root] < 0) {
                labelOfRoot[root] = groups++;
            }
            groupOf[i] = labelOfRoot[root];
        }
        return new Clustering(groupOf, groups, links);
    }

    /**
     * These groups joined further by other evidence (pairs of picture indices), the links kept as
     * they are: e.g. pixel groups (stacks) joined into series by capture sessions.
     */
    public Clustering joinedBy(List<int[]> pairs) {
        UnionFind sets = new UnionFind(groupOf.length);
        int[] firstOfGroup = new int[groups];
        java.util.Arrays.fill(firstOfGroup, -1);
        for (int i = 0; i < groupOf.length; i++) {
            if (firstOfGroup[groupOf[i]] < 0) {
                firstOfGroup[groupOf[i]] = i;
            } else {
                sets.union(firstOfGroup[groupOf[i]], i);
            }
        }
        for (int[] pair : pairs) {
            sets.union(pair[0], pair[1]);
        }
        return of(sets, groupOf.length, links);
    }

    public int size() {
        return groupOf.length;
    }

    public int group(int picture) {
        return groupOf[picture];
    }

    public int groups() {
        return groups;
    }

    /** The links kept, one per linked pair of pictures (its closest views). */
    public List<SimilarLink> links() {
        return links;
    }

    /** The members of each group with more than one picture. */
    public List<int[]> multiMemberGroups() {
        int[] counts = new int[groups];
        for (int g : groupOf) {
            counts[g]++;
        }
        int[][] members = new int[groups][];
        int[] filled = new int[groups];
        for (int g = 0; g < groups; g++) {
            members[g] = new int[counts[g]];
        }
        for (int i = 0; i < groupOf.length; i++) {
            members[groupOf[i]][filled[groupOf[i]]++] = i;
        }
        List<int[]> out = new ArrayList<>();
        for (int[] m : members) {
            if (m.length > 1) {
                out.add(m);
            }
        }
        return out;
    }
}
