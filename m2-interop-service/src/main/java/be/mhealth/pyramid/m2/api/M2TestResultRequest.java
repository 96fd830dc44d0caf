package be.mhealth.pyramid.m2.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m2.domain.Criterion;
import be.mhealth.pyramid.m2.domain.TestOutcome;
import be.mhealth.pyramid.m2.domain.TestResult;

@Schema(name = "M2TestResultRequest", description = "A test centre's result for one required criterion",
        requiredProperties = { "criterion", "result", "testCentre", "testedOn", "reportReference" })
public record M2TestResultRequest(
        @Schema(description = "One of the dossier's required criteria", example = "SECURITY") @NotNull
        Criterion criterion,
        @Schema(example = "PASS") @NotNull TestOutcome result,
        @Schema(example = "Belgian mHealth Test Centre") @NotBlank @Size(max = 200) String testCentre,
        @Schema(description = "Not in the future; not before the criterion's current result", example = "2026-01-20")
        @NotNull LocalDate testedOn,
        @Schema(example = "BTC-2026-0042") @NotBlank @Size(max = 200) String reportReference) {

    TestResult.Finding finding() {
        return new TestResult.Finding(criterion, result, testCentre, testedOn, reportReference);
    }
}
