package be.mhealth.pyramid.m3.domain;

/** What an amount of financing is paid for. */
public enum FinancingUnit {
    PER_PATIENT_PER_MONTH, PER_PATIENT_PER_YEAR, PER_PATIENT_ONCE
}
