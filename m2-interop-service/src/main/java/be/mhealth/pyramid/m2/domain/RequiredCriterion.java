package be.mhealth.pyramid.m2.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A criterion a dossier must pass, with why, as derived when its risk assessment was last written. */
@Embeddable
public class RequiredCriterion {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Criterion criterion;

    @Column(nullable = false)
    private String reason;

    protected RequiredCriterion() {
    }

    public RequiredCriterion(Criterion criterion, String reason) {
        this.criterion = criterion;
        this.reason = reason;
    }

    public Criterion criterion() {
        return criterion;
    }

    public String reason() {
        return reason;
    }
}
