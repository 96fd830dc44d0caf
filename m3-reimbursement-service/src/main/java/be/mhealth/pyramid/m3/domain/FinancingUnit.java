package be.mhealth.pyramid.m3.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an amount of financing is paid for. */
@Schema(name = "M3FinancingUnit", description = "What an amount of financing is paid for")
public enum FinancingUnit {
    PER_PATIENT_PER_MONTH, PER_PATIENT_PER_YEAR, PER_PATIENT_ONCE
}
