package be.mhealth.pyramid.support.dossier;

import java.time.Instant;

/**
 * The shape of a history entry in every level's API ({@code GET /api/v1/{level}/dossiers/{id}/history}, paged):
 * {@code {from, to, action, actor, reason, at}}. Each level's response record implements it
 * ({@code M1HistoryEntry implements HistoryEntry<M1DossierState, M1DossierAction>}), so the shape cannot drift.
 */
public interface HistoryEntry<S extends Enum<S>, A extends Enum<A>> {

    /** Absent for the creation. */
    S from();

    S to();

    A action();

    /** Who: the user name, the client id of an authority's system, or the service for a scheduled step. */
    String actor();

    String reason();

    Instant at();
}
