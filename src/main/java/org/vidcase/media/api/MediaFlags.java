package org.vidcase.media.api;

/** The VICS flags of an item; null means unknown. */
public record MediaFlags(Boolean victimIdentified, Boolean offenderIdentified, Boolean distributed,
                         Boolean selfGenerated, Boolean suspected) {
}
