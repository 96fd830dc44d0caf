package be.mhealth.pyramid.registry.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether the authority of a topic's level has assessed it for the app (the app holds that level). */
@Schema(name = "TopicStatus", description = "ASSESSED once the app holds the topic's level; NOT_ASSESSED otherwise")
public enum TopicStatus {
    ASSESSED, NOT_ASSESSED
}
