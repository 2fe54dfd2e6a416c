package org.vidcase.lead.domain;

/** Whom a lead is referred to: an agency at home, or another country (through the liaison role). */
public enum RecipientKind { AGENCY, COUNTRY }
