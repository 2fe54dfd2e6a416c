package org.vidcase.media.service;

import java.util.UUID;

/**
 * Picks a share of decisions for a second opinion from the decision's random id: the same
 * decision is always picked or not, on any replica, and the picks are uniform because a version-4
 * UUID's low 62 bits are random.
 */
public final class SecondOpinionSampler {

    private SecondOpinionSampler() {
    }

    public static boolean picked(UUID decision, double share) {
        if (share <= 0) {
            return false;
        }
        if (share >= 1) {
            return true;
        }
        long random = decision.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL;
        return random < (long) (share * 0x4000_0000_0000_0000L);
    }
}
