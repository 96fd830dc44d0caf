package be.mhealth.pyramid.registry.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import be.mhealth.pyramid.events.Level;

/** One change of an app's effective level: from, to, the event that caused it, who, why and when. */
@Entity
@Table(name = "level_change")
public class LevelChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "app_id", nullable = false)
    public UUID appId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_level")
    public Level fromLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_level")
    public Level toLevel;

    @Column(name = "cause_event_id", nullable = false)
    public String causeEventId;

    @Column(name = "cause_event_type", nullable = false)
    public String causeEventType;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String reason;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;
}
