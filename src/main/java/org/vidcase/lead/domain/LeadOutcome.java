package org.vidcase.lead.domain;

/** What a closed lead established; several may hold at once. */
public enum LeadOutcome { VICTIM_IDENTIFIED, OFFENDER_IDENTIFIED, NO_FURTHER_ACTION }
