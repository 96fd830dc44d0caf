package be.mhealth.pyramid.m2.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A criterion a dossier must pass, as derived when its risk assessment was last written. */
@Embeddable
public class RequiredCriterion {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Criterion criterion;

    @Column(nullable = false)
    public String reason;

    protected RequiredCriterion() {
    }

    public RequiredCriterion(Criterion criterion, String reason) {
        this.criterion = criterion;
        this.reason = reason;
    }
}
