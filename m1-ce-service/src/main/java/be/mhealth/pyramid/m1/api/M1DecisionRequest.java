package be.mhealth.pyramid.m1.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.m1.service.M1DossierService.Decision;

/**
 * FAMHP's decision on a dossier in review; {@code outcome} says which, and which fields it has: a reason is
 * required except for an approval.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "outcome")
@JsonSubTypes({
        @JsonSubTypes.Type(value = M1DecisionRequest.Approved.class, name = "APPROVED"),
        @JsonSubTypes.Type(value = M1DecisionRequest.Rejected.class, name = "REJECTED"),
        @JsonSubTypes.Type(value = M1DecisionRequest.InfoRequested.class, name = "INFO_REQUESTED") })
@Schema(name = "M1DecisionRequest", description = "FAMHP's decision; the fields depend on outcome",
        oneOf = { M1DecisionRequest.Approved.class, M1DecisionRequest.Rejected.class,
                M1DecisionRequest.InfoRequested.class },
        discriminatorProperty = "outcome", discriminatorMapping = {
                @DiscriminatorMapping(value = "APPROVED", schema = M1DecisionRequest.Approved.class),
                @DiscriminatorMapping(value = "REJECTED", schema = M1DecisionRequest.Rejected.class),
                @DiscriminatorMapping(value = "INFO_REQUESTED", schema = M1DecisionRequest.InfoRequested.class) })
public sealed interface M1DecisionRequest {

    String reason();

    /** What the service does. */
    @JsonIgnore
    Decision decision();

    /** Grants M1: publishes m1.granted. */
    @Schema(name = "M1Approval", description = "outcome APPROVED: grants M1 (m1.granted)",
            properties = @SchemaProperty(name = "outcome", type = SchemaType.STRING, enumeration = "APPROVED"),
            requiredProperties = "outcome")
    record Approved(@Schema(description = "Optional") @Size(max = Limits.REASON) String reason)
            implements M1DecisionRequest {
        @Override
        public Decision decision() {
            return Decision.APPROVE;
        }
    }

    /** Refuses M1: publishes m1.rejected. */
    @Schema(name = "M1Rejection", description = "outcome REJECTED: refuses M1 (m1.rejected); a reason is required",
            properties = @SchemaProperty(name = "outcome", type = SchemaType.STRING, enumeration = "REJECTED"),
            requiredProperties = { "outcome", "reason" })
    record Rejected(@NotBlank @Size(max = Limits.REASON) String reason) implements M1DecisionRequest {
        @Override
        public Decision decision() {
            return Decision.REJECT;
        }
    }

    /** Hands the dossier back to the vendor, who edits and re-submits it. */
    @Schema(name = "M1InformationRequest",
            description = "outcome INFO_REQUESTED: hands the dossier back to the vendor; a reason is required",
            properties = @SchemaProperty(name = "outcome", type = SchemaType.STRING, enumeration = "INFO_REQUESTED"),
            requiredProperties = { "outcome", "reason" })
    record InfoRequested(@NotBlank @Size(max = Limits.REASON) String reason) implements M1DecisionRequest {
        @Override
        public Decision decision() {
            return Decision.REQUEST_INFO;
        }
    }
}
