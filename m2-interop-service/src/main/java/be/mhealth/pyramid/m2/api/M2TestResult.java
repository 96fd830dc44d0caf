package be.mhealth.pyramid.m2.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m2.domain.Criterion;
import be.mhealth.pyramid.m2.domain.TestOutcome;
import be.mhealth.pyramid.m2.domain.TestResult;

@Schema(name = "M2TestResult", description = "A test centre's result for one criterion", requiredProperties = {
        "id", "criterion", "result", "testCentre", "testedOn", "reportReference", "recordedBy", "recordedAt",
        "current" })
public record M2TestResult(UUID id, Criterion criterion, TestOutcome result, String testCentre, LocalDate testedOn,
        String reportReference, String recordedBy, Instant recordedAt,
        @Schema(description = "True for the criterion's result that counts; false once a later one superseded it")
        boolean current,
        UUID supersededBy, Instant supersededAt) {

    static M2TestResult of(TestResult r) {
        return new M2TestResult(r.id(), r.criterion(), r.result(), r.testCentre(), r.testedOn(),
                r.reportReference(), r.recordedBy(), r.recordedAt(), r.current(), r.supersededBy(),
                r.supersededAt());
    }
}
