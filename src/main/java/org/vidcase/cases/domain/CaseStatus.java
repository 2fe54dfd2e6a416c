package org.vidcase.cases.domain;

public enum CaseStatus {
    OPEN, CLOSED
}
