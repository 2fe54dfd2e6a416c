package org.vidcase.matching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import org.vidcase.matching.HashSetSource;

/** How media items are matched against the reference hash sets. */
@ConfigMapping(prefix = "vidcase.matching")
public interface MatchingConfig {

    /** PDQ near matches: largest Hamming distance (of 256 bits) that still counts. */
    @WithDefault("31")
    int pdqRadius();

    /** Items and entries whose PDQ quality is below this are not near-matched. */
    @WithDefault("50")
    int pdqMinQuality();

    /**
     * The order in which precedence rules pick the match that decides an item's category, first
     * rule first: {@code exact} (exact digests before PDQ near matches), {@code source} (by
     * {@link #sourceOrder()}), {@code nearest} (smaller PDQ distance). An alert match always beats an
     * ignorable one, whatever the rules.
     */
    @WithDefault("exact,source,nearest")
    List<String> precedence();

    /** Sources in order of authority, most authoritative first; unlisted sources come last. */
    @WithDefault("NATIONAL,PROJECT_VIC,CAID,ICSE,HUB,CUSTOM,NSRL")
    List<HashSetSource> sourceOrder();

    /**
     * How long matching waits for the indexes to finish loading at start-up before refusing (503);
     * uploads wait inside their transaction, so keep it well below the transaction timeout.
     */
    @WithDefault("30S")
    Duration indexLoadWait();

    /**
     * How often each replica compares its reference index with hash_set (sets imported, activated
     * or deactivated on another replica) and confirms its state in index_replica.
     */
    @WithDefault("1S")
    Duration syncEvery();

    /** A replica that has not confirmed for this long counts as gone (re-matching stops waiting for it). */
    @WithDefault("15S")
    Duration replicaTimeout();
}
