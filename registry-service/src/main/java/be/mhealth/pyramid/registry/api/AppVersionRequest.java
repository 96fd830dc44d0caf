package be.mhealth.pyramid.registry.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.events.RegistryEvents.SignificantChange;
import be.mhealth.pyramid.registry.domain.VersionNumber;

/** A new version of an app, as its vendor declares it. */
@Schema(name = "AppVersionRequest", description = "A new version of an app")
public record AppVersionRequest(
        @Schema(required = true, description = "newer than the app's current version; e.g. 2.4.1, 3.0.0-beta.2+77",
                examples = "2.4.1")
        @NotBlank @Size(max = Limits.APP_VERSION)
        @Pattern(regexp = VersionNumber.PATTERN, message = "must be " + VersionNumber.FORM) String version,
        @Schema(required = true, description = "not in the future, not before the current version's release")
        @NotNull LocalDate releasedOn,
        @Schema(required = true) @NotNull @Valid ReleaseNotes releaseNotes,
        @Schema(description = "changes an authority must re-assess: INTENDED_PURPOSE and DEVICE_CLASS concern FAMHP "
                + "(M1); DATA_FLOWS, HOSTING and AUTHENTICATION the eHealth platform (M2); none or absent: no "
                + "re-assessment; each kind counts once")
        List<@NotNull SignificantChange> significantChanges) {

    @Schema(name = "ReleaseNotes", description = "What changed, for users; nl, fr and en required, de optional")
    public record ReleaseNotes(
            @Schema(required = true) @NotBlank @Size(max = Limits.RELEASE_NOTES) String nl,
            @Schema(required = true) @NotBlank @Size(max = Limits.RELEASE_NOTES) String fr,
            @Schema(required = true) @NotBlank @Size(max = Limits.RELEASE_NOTES) String en,
            @Size(max = Limits.RELEASE_NOTES) @Pattern(regexp = AppRequest.NOT_BLANK, message = "must not be blank")
            String de) {
    }
}
