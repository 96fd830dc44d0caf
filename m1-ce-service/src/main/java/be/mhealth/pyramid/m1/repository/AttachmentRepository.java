package be.mhealth.pyramid.m1.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.m1.domain.Attachment;
import be.mhealth.pyramid.m1.domain.AttachmentKind;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AttachmentRepository implements PanacheRepositoryBase<Attachment, UUID> {

    /** How many attachments an organization holds, and their bytes in total. */
    public record Usage(long count, long bytes) {
    }

    public PanacheQuery<Attachment> ofDossier(UUID dossierId) {
        return find("dossierId", Sort.ascending("uploadedAt").and("id"), dossierId);
    }

    public Optional<Attachment> findInDossier(UUID dossierId, UUID attachmentId) {
        return find("id = :id and dossierId = :dossierId",
                Parameters.with("id", attachmentId).and("dossierId", dossierId)).firstResultOptional();
    }

    public List<AttachmentKind> kindsOf(UUID dossierId) {
        return getEntityManager()
                .createQuery("select distinct a.kind from Attachment a where a.dossierId = :id", AttachmentKind.class)
                .setParameter("id", dossierId)
                .getResultList();
    }

    /** Every attachment of every dossier of {@code organization}. */
    public Usage usageOf(String organization) {
        Object[] row = getEntityManager().createQuery("select count(a), coalesce(sum(a.sizeBytes), 0) "
                + "from Attachment a, M1Dossier d where d.id = a.dossierId and d.organizationId = :org",
                Object[].class).setParameter("org", organization).getSingleResult();
        return new Usage(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /**
     * Serializes the attachment uploads of one organization until the transaction ends (a PostgreSQL advisory
     * lock), so that two concurrent uploads cannot both pass the organization's quota.
     */
    public void lockOrganization(String organization) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('m1-attachments'), "
                + "hashtext(:org))").setParameter("org", organization).getSingleResult();
    }
}
