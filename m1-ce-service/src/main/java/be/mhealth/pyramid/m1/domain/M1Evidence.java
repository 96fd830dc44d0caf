package be.mhealth.pyramid.m1.domain;

/** What a vendor submits for M1: the CE certificate, the FAMHP notification number and the GDPR declaration. */
public record M1Evidence(Certificate certificate, String famhpNotification, GdprDeclaration gdpr) {
}
