package org.vidcase.lead.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The lead status workflow as one table: from each state, the states it may move to and what
 * moves it there. An investigator asks for the {@link Trigger#REQUEST} moves; the others follow
 * from what happens on the lead (a referral sent, the last referral returned) or need more than
 * the ask (closing needs an outcome, reopening a supervisor and a reason).
 */
public final class LeadWorkflow {

    /** What moves a lead along a transition. */
    public enum Trigger {
        /** Asked for by a member of the team (assigning someone to an open lead also does it). */
        REQUEST,
        /** A referral was sent (recorded at home, dispatched abroad). */
        REFERRAL_SENT,
        /** The last referral still out came back. */
        REFERRAL_RETURNED,
        /** Closed with at least one dated outcome. */
        CLOSE,
        /** Reopened by a supervisor with a reason, back to the state it was closed from. */
        REOPEN
    }

    /** One allowed move. */
    public record Transition(LeadStatus from, LeadStatus to, Trigger trigger) {
    }

    private static final List<Transition> TABLE = List.of(
            new Transition(LeadStatus.OPEN, LeadStatus.ASSIGNED, Trigger.REQUEST),
            new Transition(LeadStatus.ASSIGNED, LeadStatus.IN_PROGRESS, Trigger.REQUEST),
            new Transition(LeadStatus.IN_PROGRESS, LeadStatus.REFERRED, Trigger.REFERRAL_SENT),
            new Transition(LeadStatus.REFERRED, LeadStatus.IN_PROGRESS, Trigger.REFERRAL_RETURNED),
            new Transition(LeadStatus.OPEN, LeadStatus.CLOSED, Trigger.CLOSE),
            new Transition(LeadStatus.ASSIGNED, LeadStatus.CLOSED, Trigger.CLOSE),
            new Transition(LeadStatus.IN_PROGRESS, LeadStatus.CLOSED, Trigger.CLOSE),
            new Transition(LeadStatus.REFERRED, LeadStatus.CLOSED, Trigger.CLOSE),
            new Transition(LeadStatus.CLOSED, LeadStatus.OPEN, Trigger.REOPEN),
            new Transition(LeadStatus.CLOSED, LeadStatus.ASSIGNED, Trigger.REOPEN),
            new Transition(LeadStatus.CLOSED, LeadStatus.IN_PROGRESS, Trigger.REOPEN),
            new Transition(LeadStatus.CLOSED, LeadStatus.REFERRED, Trigger.REOPEN));

    private static final Map<LeadStatus, List<Transition>> FROM = new EnumMap<>(
            TABLE.stream().collect(Collectors.groupingBy(Transition::from)));

    private LeadWorkflow() {
    }

    public static List<Transition> table() {
        return TABLE;
    }

    /** The moves out of a state. */
    public static List<Transition> from(LeadStatus status) {
        return FROM.getOrDefault(status, List.of());
    }

    /** Whether the move is in the table with this trigger. */
    public static boolean allows(LeadStatus from, LeadStatus to, Trigger trigger) {
        return from(from).stream().anyMatch(t -> t.to() == to && t.trigger() == trigger);
    }

    /** How the moves out of a state read in an error, e.g. "ASSIGNED (on request), CLOSED (with an outcome)". */
    public static String describeFrom(LeadStatus status) {
        List<Transition> out = from(status);
        if (out.isEmpty()) {
            return "none";
        }
        return out.stream().map(t -> t.to() + " (" + describe(t.trigger()) + ")").collect(Collectors.joining(", "));
    }

    private static String describe(Trigger trigger) {
        return switch (trigger) {
            case REQUEST -> "on request";
            case REFERRAL_SENT -> "when a referral is sent";
            case REFERRAL_RETURNED -> "when the last referral out returns";
            case CLOSE -> "closed with at least one outcome";
            case REOPEN -> "reopened by a supervisor with a reason, to the state it was closed from";
        };
    }
}
