package be.mhealth.pyramid.m1.domain;

/** Medical-device risk classes; every class except plain I needs a notified body. */
public enum DeviceClass {
    I, Is, Im, Ir, IIa, IIb, III;

    public boolean needsNotifiedBody() {
        return this != I;
    }

    /** Class Ir (reusable surgical instruments) exists only under the MDR. */
    public boolean existsUnder(Regulation regulation) {
        return this != Ir || regulation == Regulation.MDR;
    }
}
