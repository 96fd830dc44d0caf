package be.mhealth.pyramid.m1.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Limits;

@Schema(name = "M1ExpiryRequest",
        description = "FAMHP's finding that the certificate behind a grant expired earlier than the dossier states")
public record M1ExpiryRequest(
        @Schema(description = "The certificate's last day of validity: before today, not before its issue date "
                + "and not after the expiry date on record", example = "2026-10-31") @NotNull LocalDate expiredOn,
        @Schema(description = "How FAMHP established it, e.g. the notified body's confirmation")
        @NotBlank @Size(max = Limits.REASON) String reason) {
}
