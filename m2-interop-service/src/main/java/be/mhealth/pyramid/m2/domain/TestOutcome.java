package be.mhealth.pyramid.m2.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A test centre's verdict on one criterion. */
@Schema(name = "M2TestOutcome", description = "A test centre's verdict on one criterion")
public enum TestOutcome {
    PASS, FAIL
}
