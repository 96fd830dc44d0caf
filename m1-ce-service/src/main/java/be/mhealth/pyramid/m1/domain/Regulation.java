package be.mhealth.pyramid.m1.domain;

/** The EU regulation a CE certificate was issued under. */
public enum Regulation {
    /** Medical Device Regulation (EU) 2017/745. */
    MDR,
    /** The legacy Medical Device Directive 93/42/EEC. */
    MDD
}
