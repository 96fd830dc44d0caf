package be.mhealth.pyramid.registry.domain;

import java.util.Optional;

/**
 * The M2 criteria the registry knows how to explain, each under the topic it tells the public about. They arrive as
 * codes in {@code M2Granted.criteriaMet}; a code this version does not know is shown under
 * {@link Topic#INTEROPERABILITY} with its code as its label.
 */
public enum Criterion {
    AUTHENTICATION(Topic.COMMUNICATION_SECURITY),
    RELATIONSHIP(Topic.COMMUNICATION_SECURITY),
    SECURITY(Topic.COMMUNICATION_SECURITY),
    IDENTIFICATION(Topic.INTEROPERABILITY),
    INTEROPERABILITY(Topic.INTEROPERABILITY);

    private final Topic topic;

    Criterion(Topic topic) {
        this.topic = topic;
    }

    public Topic topic() {
        return topic;
    }

    public static Optional<Criterion> of(String code) {
        for (Criterion c : values()) {
            if (c.name().equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The topic a met criterion's code is shown under. */
    public static Topic topicOf(String code) {
        return of(code).map(Criterion::topic).orElse(Topic.INTEROPERABILITY);
    }
}
