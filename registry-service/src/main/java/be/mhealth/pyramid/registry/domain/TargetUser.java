package be.mhealth.pyramid.registry.domain;

public enum TargetUser {
    PATIENT, HEALTHCARE_PROFESSIONAL
}
