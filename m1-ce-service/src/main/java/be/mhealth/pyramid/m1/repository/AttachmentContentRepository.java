package be.mhealth.pyramid.m1.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.m1.domain.AttachmentContent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AttachmentContentRepository implements PanacheRepositoryBase<AttachmentContent, UUID> {
}
