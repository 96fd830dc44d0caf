package be.mhealth.pyramid.m1.api;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m1.domain.Certificate;
import be.mhealth.pyramid.m1.domain.DeviceClass;
import be.mhealth.pyramid.m1.domain.Regulation;

@Schema(description = "The CE certificate")
public record CertificateData(
        @NotNull Regulation regulation,
        @NotNull DeviceClass deviceClass,
        @Schema(description = "Four-digit notified body number; required for every class except I", example = "0123")
        @Pattern(regexp = "\\d{4}", message = "must be the notified body's four-digit number") String notifiedBody,
        @Schema(description = "Certificate number") @NotBlank @Size(max = 100) String number,
        @NotNull LocalDate issuedOn,
        @NotNull LocalDate expiresOn,
        @Schema(description = "UDI device identifier") @NotBlank @Size(max = 100) String udiDi,
        @Schema(description = "Intended purpose per language (nl, fr, en, de)")
        @NotEmpty Map<@Pattern(regexp = "nl|fr|en|de", message = "language must be one of nl, fr, en, de") String,
                @NotBlank @Size(max = 4000) String> intendedPurpose) {

    public Certificate toDomain() {
        Certificate c = new Certificate();
        c.regulation = regulation;
        c.deviceClass = deviceClass;
        c.notifiedBody = notifiedBody;
        c.number = number;
        c.issuedOn = issuedOn;
        c.expiresOn = expiresOn;
        c.udiDi = udiDi;
        c.intendedPurpose = Map.copyOf(intendedPurpose);
        return c;
    }

    static CertificateData of(Certificate c) {
        return new CertificateData(c.regulation, c.deviceClass, c.notifiedBody, c.number, c.issuedOn, c.expiresOn,
                c.udiDi, c.intendedPurpose);
    }
}
