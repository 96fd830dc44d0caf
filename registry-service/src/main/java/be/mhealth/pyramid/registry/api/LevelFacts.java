package be.mhealth.pyramid.registry.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M3Events.ReimbursementKind;
import be.mhealth.pyramid.registry.domain.LevelGrant;

/** What a patient or doctor needs to know about each level the app holds (levels it does not hold are absent). */
@Schema(name = "LevelFacts")
public record LevelFacts(M1 m1, M2 m2, M3 m3) {

    @Schema(name = "M1Facts", description = "CE marking", requiredProperties = { "certificateValid", "grantedAt" })
    public record M1(String regulation, String deviceClass, String certificateNumber, LocalDate certificateExpiresOn,
            @Schema(description = "the certificate has not passed its expiry date") boolean certificateValid,
            OffsetDateTime grantedAt) {
    }

    @Schema(name = "M2Facts", description = "Interoperability with the eHealth platform", requiredProperties = { "criteriaMet", "grantedAt" })
    public record M2(List<String> criteriaMet, OffsetDateTime grantedAt) {
    }

    @Schema(name = "M3Facts", description = "Reimbursement by NIHDI/RIZIV", requiredProperties = { "kind", "grantedAt" })
    public record M3(ReimbursementKind kind, String nomenclatureCode, BigDecimal amount, String unit,
            LocalDate startDate, LocalDate endDate, OffsetDateTime grantedAt) {
    }

    /** The facts of the active grants that count towards {@code effectiveLevel}. */
    static LevelFacts of(Level effectiveLevel, Collection<LevelGrant> grants, LocalDate today) {
        M1 m1 = null;
        M2 m2 = null;
        M3 m3 = null;
        for (LevelGrant g : grants) {
            if (!g.active || !Level.reaches(effectiveLevel, g.level)) {
                continue;
            }
            switch (g.level) {
                case M1 -> m1 = new M1(g.regulation, g.deviceClass, g.certificateNumber, g.certificateExpiresOn,
                        g.certificateExpiresOn == null || !g.certificateExpiresOn.isBefore(today), g.grantedAt);
                case M2 -> m2 = new M2(g.criteria(), g.grantedAt);
                case M3 -> m3 = new M3(g.reimbursementKind, g.nomenclatureCode, g.amount, g.unit, g.startDate,
                        g.endDate, g.grantedAt);
            }
        }
        return new LevelFacts(m1, m2, m3);
    }
}
