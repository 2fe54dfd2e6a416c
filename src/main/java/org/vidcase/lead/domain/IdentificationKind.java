package org.vidcase.lead.domain;

/** Who an identification record is of. */
public enum IdentificationKind { VICTIM, OFFENDER }
