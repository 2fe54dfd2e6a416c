package org.vidcase.series.api;

import jakarta.validation.constraints.NotNull;

/** An officer's decision on a member: CONFIRM (it belongs) or REJECT (it does not; never suggested again). */
public record MemberDecisionRequest(@NotNull Decision decision) {

    public enum Decision { CONFIRM, REJECT }
}
