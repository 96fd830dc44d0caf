package be.mhealth.pyramid.m1.domain;

/** Where personal data is stored: inside the EU/EEA, or in a named third country. */
public enum DataArea {
    EU_EEA, THIRD_COUNTRY
}
