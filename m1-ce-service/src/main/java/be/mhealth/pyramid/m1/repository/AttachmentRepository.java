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
}
