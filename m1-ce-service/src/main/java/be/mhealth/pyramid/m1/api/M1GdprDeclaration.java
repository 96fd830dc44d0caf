package be.mhealth.pyramid.m1.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.URL;

import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.m1.domain.DataArea;
import be.mhealth.pyramid.m1.domain.GdprDeclaration;
import be.mhealth.pyramid.m1.domain.LegalBasis;
import be.mhealth.pyramid.m1.domain.TransferMechanism;

@Schema(name = "M1GdprDeclaration", description = "The vendor's GDPR self-declaration")
public record M1GdprDeclaration(
        @Schema(description = "E-mail address of the data protection officer") @NotBlank @Email @Size(max = Limits.DPO_CONTACT)
        String dpoContact,
        @NotNull LegalBasis legalBasis,
        @NotNull @Valid DataLocation dataLocation,
        @NotBlank @URL(protocol = "https", message = "must be an https URL") @Size(max = Limits.PRIVACY_POLICY_URL)
        String privacyPolicyUrl) {

    @Schema(name = "M1DataLocation", description = "Where the data is stored: EU_EEA, or THIRD_COUNTRY with the "
            + "country and the transfer mechanism")
    public record DataLocation(
            @NotNull DataArea area,
            @Schema(description = "ISO 3166-1 alpha-2 code of the third country", example = "US")
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code") String country,
            TransferMechanism transferMechanism) {
    }

    public GdprDeclaration toDomain() {
        return new GdprDeclaration(dpoContact, legalBasis, dataLocation.area(), dataLocation.country(),
                dataLocation.transferMechanism(), privacyPolicyUrl);
    }

    static M1GdprDeclaration of(GdprDeclaration g) {
        return new M1GdprDeclaration(g.dpoContact(), g.legalBasis(), new DataLocation(g.dataArea(), g.dataCountry(),
                g.transferMechanism()), g.privacyPolicyUrl());
    }
}
