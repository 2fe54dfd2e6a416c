package org.vidcase.fuzz;

/** The seed the suite's generated inputs use unless {@code -Dvidcase.fuzz.seed} names another. */
public final class ApiFuzzSeeds {

    public static final long DEFAULT = Long.getLong("vidcase.fuzz.seed", 20_261_206L);

    private ApiFuzzSeeds() {
    }
}
