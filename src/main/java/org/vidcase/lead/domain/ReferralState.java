package org.vidcase.lead.domain;

/** A referral's course: abroad it waits for a liaison officer to dispatch it; a reply returns it. */
public enum ReferralState { AWAITING_DISPATCH, SENT, RETURNED }
