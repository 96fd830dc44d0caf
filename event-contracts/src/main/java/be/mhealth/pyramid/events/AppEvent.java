package be.mhealth.pyramid.events;

import java.util.UUID;

/** Every event payload concerns one app; its id is the Kafka record key. */
public interface AppEvent {
    UUID appId();
}
