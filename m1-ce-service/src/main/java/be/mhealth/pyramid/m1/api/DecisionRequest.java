package be.mhealth.pyramid.m1.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m1.domain.DossierAction;

@Schema(description = "The FAMHP assessor's decision on a dossier")
public record DecisionRequest(
        @NotNull Outcome outcome,
        @Schema(description = "Why; required except for APPROVED") @Size(max = 2000) String reason) {

    public enum Outcome {
        APPROVED(DossierAction.APPROVE), REJECTED(DossierAction.REJECT), INFO_REQUESTED(DossierAction.REQUEST_INFO);

        private final DossierAction action;

        Outcome(DossierAction action) {
            this.action = action;
        }

        public DossierAction action() {
            return action;
        }
    }
}
