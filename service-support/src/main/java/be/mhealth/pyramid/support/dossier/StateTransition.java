package be.mhealth.pyramid.support.dossier;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded step of a dossier's life cycle, as each level stores it (an entity of its own table, e.g.
 * {@code M1DossierTransition}): from which state ({@code null} for the creation) to which, by which action, who
 * ({@code actor}: a user name, a client id or the service; {@code actedBy}: its kind), why and when.
 */
public interface StateTransition<S extends Enum<S>, A extends Enum<A>> {

    UUID dossierId();

    S from();

    S to();

    A action();

    String actor();

    /** {@code DossierEvents.ActedBy}: VENDOR, AUTHORITY, TEST_CENTRE or SYSTEM. */
    String actedBy();

    String reason();

    Instant at();
}
