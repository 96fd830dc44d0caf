package be.mhealth.pyramid.m2.domain;

/** A test centre's verdict on one criterion. */
public enum TestOutcome {
    PASS, FAIL
}
