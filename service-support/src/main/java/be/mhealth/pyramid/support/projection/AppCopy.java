package be.mhealth.pyramid.support.projection;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import be.mhealth.pyramid.events.Level;

/** A level service's local, event-fed copy of one registry app: who owns it, its name and where it stands. */
@Entity
@Table(name = "app_copy")
public class AppCopy {

    @Id
    @Column(name = "app_id")
    public UUID appId;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    /** Language code → the app's name; null until an AppRegistered or AppUpdated carried it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "name", columnDefinition = "jsonb")
    public Map<String, String> name;

    /** Null: the app holds no level. */
    @Enumerated(EnumType.STRING)
    @Column(name = "effective_level")
    public Level effectiveLevel;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean ownedBy(String organization) {
        return organizationId.equals(organization);
    }
}
