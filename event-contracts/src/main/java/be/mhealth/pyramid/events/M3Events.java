package be.mhealth.pyramid.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import be.mhealth.pyramid.events.Limits.MaxDigits;
import be.mhealth.pyramid.events.Limits.MaxLength;

/** Payloads of {@code m3.decisions.v1} (reimbursement, NIHDI/RIZIV). */
public final class M3Events {
    private M3Events() {
    }

    /** TEMPORARY is "M3 light" (has an end date), DEFINITIVE is "M3 plus". */
    public enum ReimbursementKind {
        TEMPORARY, DEFINITIVE
    }

    public record M3Granted(UUID appId, UUID dossierId, ReimbursementKind kind,
            @MaxLength(Limits.NOMENCLATURE_CODE) String nomenclatureCode,
            @MaxDigits(integer = Limits.AMOUNT_INTEGER_DIGITS, fraction = Limits.AMOUNT_FRACTION_DIGITS)
            BigDecimal amount,
            @MaxLength(Limits.UNIT) String unit, LocalDate startDate, LocalDate endDate,
            @MaxLength(Limits.ACTOR) String decidedBy, Instant decidedAt) implements AppEvent {
    }

    public record M3Declined(UUID appId, UUID dossierId, @MaxLength(Limits.REASON) String reason,
            @MaxLength(Limits.ACTOR) String decidedBy, Instant decidedAt) implements AppEvent {
    }

    /** A reimbursement ended: a temporary one reached its end date, or a later decision ended it. */
    public record M3Ended(UUID appId, UUID dossierId, LocalDate endedOn, @MaxLength(Limits.REASON) String reason,
            @MaxLength(Limits.ACTOR) String decidedBy, Instant decidedAt) implements AppEvent {
    }
}
