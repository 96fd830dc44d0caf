package be.mhealth.pyramid.support.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The shape of an entry of every level's review queue ({@code GET /api/v1/{level}/review-queue}, paged):
 * {@code {dossierId, appId, appName, state, submittedAt, waitingSince, dueDate?}}. Each level's response record
 * implements it; a level whose procedure has a statutory clock adds a {@code dueDate} component, the others leave
 * it out (so it is absent from their schema, not null).
 */
public interface ReviewQueueEntry<S extends Enum<S>> {

    UUID dossierId();

    UUID appId();

    /** The app's name per language code, from the local copy of the registry's app; absent until it is known. */
    Map<String, String> appName();

    S state();

    /** The first submission. */
    Instant submittedAt();

    /** Since when the dossier waits for the authority: its last (re-)submission. */
    Instant waitingSince();

    /** When the authority's current step is due; null where no clock runs. */
    default LocalDate dueDate() {
        return null;
    }
}
