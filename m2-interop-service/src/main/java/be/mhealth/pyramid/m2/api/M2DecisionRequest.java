package be.mhealth.pyramid.m2.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.m2.service.M2DossierService.Decision;

/**
 * The eHealth platform's decision on a dossier in review; {@code outcome} says which, and which fields it has: a
 * reason is required except for an approval.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "outcome")
@JsonSubTypes({
        @JsonSubTypes.Type(value = M2DecisionRequest.Approved.class, name = "APPROVED"),
        @JsonSubTypes.Type(value = M2DecisionRequest.Rejected.class, name = "REJECTED"),
        @JsonSubTypes.Type(value = M2DecisionRequest.InfoRequested.class, name = "INFO_REQUESTED") })
@Schema(name = "M2DecisionRequest", description = "The eHealth platform's decision; the fields depend on outcome",
        oneOf = { M2DecisionRequest.Approved.class, M2DecisionRequest.Rejected.class,
                M2DecisionRequest.InfoRequested.class },
        discriminatorProperty = "outcome", discriminatorMapping = {
                @DiscriminatorMapping(value = "APPROVED", schema = M2DecisionRequest.Approved.class),
                @DiscriminatorMapping(value = "REJECTED", schema = M2DecisionRequest.Rejected.class),
                @DiscriminatorMapping(value = "INFO_REQUESTED", schema = M2DecisionRequest.InfoRequested.class) })
public sealed interface M2DecisionRequest {

    String reason();

    /** What the service does. */
    @JsonIgnore
    Decision decision();

    /** Grants M2: publishes m2.granted. */
    @Schema(name = "M2Approval", description = "outcome APPROVED: grants M2 (m2.granted); every required criterion "
            + "needs a current PASS and the app must still stand at M1",
            properties = @SchemaProperty(name = "outcome", type = SchemaType.STRING, enumeration = "APPROVED"),
            requiredProperties = "outcome")
    record Approved(@Schema(description = "Optional", example = "All required criteria passed")
            @Size(max = Limits.REASON) String reason) implements M2DecisionRequest {
        @Override
        public Decision decision() {
            return Decision.APPROVE;
        }
    }

    /** Refuses M2: publishes m2.rejected. */
    @Schema(name = "M2Rejection", description = "outcome REJECTED: refuses M2 (m2.rejected); a reason is required",
            properties = @SchemaProperty(name = "outcome", type = SchemaType.STRING, enumeration = "REJECTED"),
            requiredProperties = { "outcome", "reason" })
    record Rejected(@Schema(example = "No therapeutic-link check before care providers see data")
            @NotBlank @Size(max = Limits.REASON) String reason) implements M2DecisionRequest {
        @Override
        public Decision decision() {
            return Decision.REJECT;
        }
    }

    /** Hands the dossier back to the vendor, who revises the risk assessment and re-submits it. */
    @Schema(name = "M2InformationRequest",
            description = "outcome INFO_REQUESTED: hands the dossier back to the vendor; a reason is required",
            properties = @SchemaProperty(name = "outcome", type = SchemaType.STRING, enumeration = "INFO_REQUESTED"),
            requiredProperties = { "outcome", "reason" })
    record InfoRequested(@Schema(example = "Does the app share data with general practitioners?")
            @NotBlank @Size(max = Limits.REASON) String reason) implements M2DecisionRequest {
        @Override
        public Decision decision() {
            return Decision.REQUEST_INFO;
        }
    }
}
