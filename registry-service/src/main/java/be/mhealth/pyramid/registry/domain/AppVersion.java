package be.mhealth.pyramid.registry.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import be.mhealth.pyramid.events.RegistryEvents.SignificantChange;

/** A version of an app its vendor declared: number, release date, release notes per language, significant changes. */
@Entity
@Table(name = "app_version")
public class AppVersion {

    @Id
    public UUID id;

    /** Declaration order (each version is newer than the one before it). */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "app_id", nullable = false)
    public UUID appId;

    @Column(nullable = false)
    public String version;

    @Column(name = "released_on", nullable = false)
    public LocalDate releasedOn;

    @Column(name = "release_notes_nl", nullable = false)
    public String releaseNotesNl;
    @Column(name = "release_notes_fr", nullable = false)
    public String releaseNotesFr;
    @Column(name = "release_notes_en", nullable = false)
    public String releaseNotesEn;
    @Column(name = "release_notes_de")
    public String releaseNotesDe;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "significant_changes", nullable = false, columnDefinition = "text[]")
    public String[] significantChanges;

    @Column(name = "declared_at", nullable = false)
    public OffsetDateTime declaredAt;

    @Column(name = "declared_by", nullable = false)
    public String declaredBy;

    public VersionNumber number() {
        return VersionNumber.parse(version).orElseThrow(() -> new IllegalStateException("stored version " + version
                + " is not a version number"));
    }

    public List<SignificantChange> changes() {
        return Arrays.stream(significantChanges).map(SignificantChange::valueOf).sorted().toList();
    }

    /** The release notes by language code (nl, fr, en and, when given, de). */
    public Map<String, String> releaseNotes() {
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put(Language.NL.code(), releaseNotesNl);
        notes.put(Language.FR.code(), releaseNotesFr);
        notes.put(Language.EN.code(), releaseNotesEn);
        if (releaseNotesDe != null) {
            notes.put(Language.DE.code(), releaseNotesDe);
        }
        return notes;
    }

    /** The notes in {@code language}; German falls back to English when the vendor gave none. */
    public String releaseNotes(Language language) {
        return switch (language) {
            case NL -> releaseNotesNl;
            case FR -> releaseNotesFr;
            case EN -> releaseNotesEn;
            case DE -> releaseNotesDe != null ? releaseNotesDe : releaseNotesEn;
        };
    }

    /** The language {@link #releaseNotes(Language)} answers in. */
    public Language notesLanguage(Language requested) {
        return requested == Language.DE && releaseNotesDe == null ? Language.EN : requested;
    }
}
