package be.mhealth.pyramid.registry.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.events.RegistryEvents.MarketWithdrawalReason;

/** A vendor takes its app off the market. */
@Schema(name = "MarketWithdrawalRequest", description = "Why the app leaves the market")
public record MarketWithdrawalRequest(
        @Schema(required = true, description = "the public reason category") @NotNull MarketWithdrawalReason reasonCategory,
        @Schema(required = true, description = "the vendor's own words: for the authorities and the vendor only, never "
                + "public") @NotBlank @Size(max = Limits.REASON) String reason) {
}
