package be.mhealth.pyramid.m1.api;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.m1.domain.Certificate;
import be.mhealth.pyramid.m1.domain.DeviceClass;
import be.mhealth.pyramid.m1.domain.Regulation;

@Schema(name = "M1Certificate", description = "The CE certificate")
public record M1Certificate(
        @NotNull Regulation regulation,
        @NotNull DeviceClass deviceClass,
        @Schema(description = "Four-digit notified body number; required for every class except I", example = "0123")
        @Pattern(regexp = "\\d{4}", message = "must be the notified body's four-digit number") String notifiedBody,
        @Schema(description = "Certificate number") @NotBlank @Size(max = Limits.CERTIFICATE_NUMBER) String number,
        @Schema(description = "Not in the future; MDD from 1993-06-14, MDR from 2017-05-25") @NotNull LocalDate issuedOn,
        @Schema(description = "After issuedOn, at most five years after it (MDD: or until 2028-12-31)")
        @NotNull LocalDate expiresOn,
        @Schema(description = "UDI device identifier") @NotBlank @Size(max = 100) String udiDi,
        @Schema(description = "Intended purpose per language (nl, fr, en, de)")
        @NotEmpty Map<@Pattern(regexp = "nl|fr|en|de", message = "language must be one of nl, fr, en, de") String,
                @NotBlank @Size(max = 4000) String> intendedPurpose) {

    public Certificate toDomain() {
        return new Certificate(regulation, deviceClass, notifiedBody, number, issuedOn, expiresOn, udiDi,
                intendedPurpose);
    }

    static M1Certificate of(Certificate c) {
        return new M1Certificate(c.regulation(), c.deviceClass(), c.notifiedBody(), c.number(), c.issuedOn(),
                c.expiresOn(), c.udiDi(), c.intendedPurpose());
    }
}
