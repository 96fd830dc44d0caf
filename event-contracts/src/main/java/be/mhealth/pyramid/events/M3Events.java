package be.mhealth.pyramid.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Payloads of {@code m3.decisions.v1} (reimbursement, NIHDI/RIZIV). */
public final class M3Events {
    private M3Events() {
    }

    /** TEMPORARY is "M3 light" (has an end date), DEFINITIVE is "M3 plus". */
    public enum ReimbursementKind {
        TEMPORARY, DEFINITIVE
    }

    public record M3Granted(UUID appId, UUID dossierId, ReimbursementKind kind, String nomenclatureCode,
            BigDecimal amount, String unit, LocalDate startDate, LocalDate endDate, String decidedBy,
            Instant decidedAt) implements AppEvent {
    }

    public record M3Declined(UUID appId, UUID dossierId, String reason, String decidedBy, Instant decidedAt)
            implements AppEvent {
    }

    /** A reimbursement ended: a temporary one reached its end date, or a later decision ended it. */
    public record M3Ended(UUID appId, UUID dossierId, LocalDate endedOn, String reason, String decidedBy,
            Instant decidedAt) implements AppEvent {
    }
}
