package org.vidcase.lead.domain;

/** Where a lead stands; {@link LeadWorkflow} says how it moves. */
public enum LeadStatus { OPEN, ASSIGNED, IN_PROGRESS, REFERRED, CLOSED }
