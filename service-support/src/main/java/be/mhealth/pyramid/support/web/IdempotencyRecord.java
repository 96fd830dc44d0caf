package be.mhealth.pyramid.support.web;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The first response to a write made with an {@code Idempotency-Key}, replayed for retries. */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

    public record Key(String caller, String idempotencyKey) {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public String caller;

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** Method and path template plus a hash of the body: a reused key with another request is refused. */
    @Column(name = "request_fingerprint", nullable = false)
    public String requestFingerprint;

    @Column(nullable = false)
    public int status;

    public String location;

    public String etag;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String body;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
