package be.mhealth.pyramid.registry.domain;

/** The medical field an app serves (a fixed list). */
public enum Category {
    CARDIOLOGY, DIABETES, MENTAL_HEALTH, ONCOLOGY, RESPIRATORY, REHABILITATION, NEUROLOGY, MUSCULOSKELETAL,
    PREGNANCY, SLEEP, PREVENTION, OTHER
}
