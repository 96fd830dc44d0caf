package be.mhealth.pyramid.m1.domain;

/** The documents a vendor uploads with a dossier; a CE certificate is required for submission. */
public enum AttachmentKind {
    CE_CERTIFICATE, DECLARATION_OF_CONFORMITY
}
