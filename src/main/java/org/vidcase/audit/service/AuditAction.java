package org.vidcase.audit.service;

/** Audited actions, each with the type of object it concerns. */
public enum AuditAction {
    CASE_CREATE("case"),
    CASE_LIST("case"),
    CASE_VIEW("case"),
    CASE_CLOSE("case"),
    CASE_MEMBERS_VIEW("case"),
    CASE_MEMBER_SET("case"),
    CASE_MEMBER_REMOVE("case"),
    CASE_HOLD_SET("case"),
    CASE_HOLD_LIFT("case"),
    CASE_DISPOSAL_DUE("case"),
    CASE_DISPOSAL_LIST("case"),
    CASE_DISPOSAL_APPROVE("case"),
    CASE_DISPOSE("case"),
    CASE_KEY_DESTROY("case"),
    SEIZURE_CREATE("seizure"),
    SEIZURE_LIST("seizure"),
    SEIZURE_VIEW("seizure"),
    CUSTODY_APPEND("seizure"),
    CUSTODY_VIEW("seizure"),
    MEDIA_UPLOAD("media"),
    MEDIA_LIST("media"),
    MEDIA_VIEW("media"),
    MEDIA_DOWNLOAD("media"),
    MEDIA_PREVIEW("media"),
    MEDIA_REVEAL("media"),
    MEDIA_REPORT("case"),
    MEDIA_WELFARE("user"),
    MEDIA_CATEGORISE("media"),
    MEDIA_SECOND_OPINIONS("media"),
    MEDIA_SECOND_OPINION("media"),
    MEDIA_OPINION_RESOLVE("media"),
    MEDIA_IMPORT("seizure"),
    MEDIA_EXPORT("seizure"),
    HASHSET_CREATE("hash-set"),
    HASHSET_LIST("hash-set"),
    HASHSET_VIEW("hash-set"),
    HASHSET_ACTIVATE("hash-set"),
    HASHSET_IMPORT("hash-set"),
    HASHSET_REMATCH("hash-set"),
    SEARCH_REBUILD("search-index"),
    SEARCH_SIMILAR("media"),
    SERIES_CREATE("series"),
    SERIES_LIST("series"),
    SERIES_VIEW("series"),
    SERIES_UPDATE("series"),
    SERIES_MEMBER_ADD("series"),
    SERIES_MEMBER_DECIDE("series"),
    SERIES_MEMBER_REMOVE("series"),
    SERIES_MERGE("series"),
    SERIES_CATEGORISE("series"),
    SERIES_SPLIT("series"),
    SERIES_CLUSTER("case"),
    SERIES_CROSS_CASE_HIT("series"),
    SERIES_HITS_VIEW("case"),
    LEAD_LIST("lead"),
    LEAD_VIEW("lead"),
    LEAD_CREATE("lead"),
    LEAD_UPDATE("lead"),
    LEAD_ASSIGN("lead"),
    LEAD_LINK("lead"),
    LEAD_STATUS("lead"),
    LEAD_REOPEN("lead"),
    LEAD_COMMENT("lead"),
    LEAD_CLUE_ADD("lead"),
    LEAD_CLUE_UPDATE("lead"),
    LEAD_CLUE_WITHDRAW("lead"),
    LEAD_CLUE_HIT("lead"),
    LEAD_REFERRAL_RECORD("lead"),
    LEAD_REFERRAL_DISPATCH("lead"),
    LEAD_REFERRAL_REPLY("lead"),
    LEAD_DASHBOARD("lead"),
    LEAD_SEARCH("lead"),
    IDENTIFICATION_CREATE("identification"),
    IDENTIFICATION_LIST("identification"),
    IDENTIFICATION_WITHDRAW("identification"),
    NOTIFICATION_LIST("notification"),
    NOTIFICATION_READ("notification"),
    MEDIA_MATCHES_VIEW("media"),
    SEIZURE_REDUCTION_VIEW("seizure"),
    JOB_VIEW("job"),
    JOB_LIST("job"),
    JOB_CANCEL("job"),
    AUDIT_QUERY("audit"),
    AUDIT_VERIFY("audit"),
    ACCESS_DENIED("endpoint"),
    DEMO_SEED("system");

    private final String objectType;

    AuditAction(String objectType) {
        this.objectType = objectType;
    }

    public String objectType() {
        return objectType;
    }

    /** Stored form, e.g. {@code case.member-set}. */
    public String code() {
        String name = name().toLowerCase();
        int split = name.indexOf('_');
        return name.substring(0, split) + "." + name.substring(split + 1).replace('_', '-');
    }
}
