package dev.htsgd.stats;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Bootstrap resampling of a sorted sample by counts: a resample of size m drawn with replacement from the n
 * sorted values is fully described by how often each value was drawn, and walking those counts in order
 * visits the resample already sorted. Each resample therefore costs O(n + m) with no sort and no allocation
 * (the count buffer is reused), which is what makes bootstrap choices of k and of the stable fit's error
 * affordable on 100,000 values.
 */
final class Resample {

    private Resample() {
    }

    /** Fills {@code counts} (length n) with the multiplicities of a size-m resample of indices 0..n-1. */
    static void draw(UniformRandomProvider rng, int[] counts, int m) {
        Arrays.fill(counts, 0);
        int n = counts.length;
        for (int j = 0; j < m; j++) {
            counts[rng.nextInt(n)]++;
        }
    }
}
