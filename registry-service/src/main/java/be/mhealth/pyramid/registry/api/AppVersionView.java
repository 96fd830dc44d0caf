package be.mhealth.pyramid.registry.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.RegistryEvents.SignificantChange;
import be.mhealth.pyramid.registry.domain.App;
import be.mhealth.pyramid.registry.domain.AppVersion;
import be.mhealth.pyramid.registry.service.Viewer;

/** A declared version of an app, with its notes in every language. */
@Schema(name = "AppVersion")
public record AppVersionView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String version,
        @Schema(required = true) LocalDate releasedOn,
        @Schema(required = true, description = "by language code: nl, fr, en and, when given, de")
        Map<String, String> releaseNotes,
        @Schema(required = true) List<SignificantChange> significantChanges,
        @Schema(required = true) OffsetDateTime declaredAt,
        @Schema(required = true, description = "the person, for the owning vendor and the authorities; the vendor's "
                + "organization for everyone else") String declaredBy) {

    static AppVersionView of(AppVersion version, App app, Viewer viewer) {
        return new AppVersionView(version.id, version.version, version.releasedOn, version.releaseNotes(),
                version.changes(), version.declaredAt, viewer.vendorActor(app, version.declaredBy));
    }
}
