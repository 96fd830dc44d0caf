package be.mhealth.pyramid.registry.domain;

import java.time.LocalDate;
import java.util.Locale;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.M3Events.ReimbursementKind;
import be.mhealth.pyramid.events.RegistryEvents.MarketWithdrawalReason;

/**
 * The history's text for a decision ("M1 revoked: certificate suspended"), composed when it is read from what was
 * stored as it came: the event type, its date (expiry, end), the reimbursement kind and the authority's own reason.
 */
public final class DecisionText {
    private DecisionText() {
    }

    public static String of(String ceType, LocalDate effectiveOn, ReimbursementKind kind,
            MarketWithdrawalReason withdrawal, String reason) {
        String on = effectiveOn == null ? "" : " on " + effectiveOn;
        String head = EventType.byCeType(ceType).map(type -> switch (type) {
            case M1_GRANTED -> "M1 granted";
            case M2_GRANTED -> "M2 granted";
            case M3_GRANTED -> "M3 granted" + (kind == null ? "" : " (" + kind + ")");
            case M1_REVOKED -> "M1 revoked";
            case M2_REVOKED -> "M2 revoked";
            case M1_EXPIRED -> "M1 certificate expired" + on;
            case M3_ENDED -> "M3 reimbursement ended" + on;
            case APP_WITHDRAWN_FROM_MARKET -> "Withdrawn from the market by the vendor"
                    + (withdrawal == null ? "" : " (" + withdrawal.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
            default -> type.ceType();
        }).orElse(String.valueOf(ceType));
        return reason == null || reason.isBlank() ? head : head + ": " + reason;
    }
}
