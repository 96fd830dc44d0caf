package be.mhealth.pyramid.registry.domain;

import be.mhealth.pyramid.events.Level;

/**
 * The five things a patient or care provider wants to know about an app, each assessed at one level of the pyramid
 * by one authority. {@link #key()} is the topic's field name in the public app view and its key in the labels.
 */
public enum Topic {
    CE_MARKING("ceMarking", Level.M1, Authority.FAMHP),
    DATA_PROTECTION("dataProtection", Level.M1, Authority.FAMHP),
    COMMUNICATION_SECURITY("communicationSecurity", Level.M2, Authority.EHEALTH),
    INTEROPERABILITY("interoperability", Level.M2, Authority.EHEALTH),
    FINANCING("financing", Level.M3, Authority.NIHDI);

    private final String key;
    private final Level level;
    private final Authority authority;

    Topic(String key, Level level, Authority authority) {
        this.key = key;
        this.level = level;
        this.authority = authority;
    }

    public String key() {
        return key;
    }

    /** The level at which the topic is assessed. */
    public Level level() {
        return level;
    }

    public Authority authority() {
        return authority;
    }
}
