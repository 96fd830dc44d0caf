package be.mhealth.pyramid.support.projection;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AppCopyRepository implements PanacheRepositoryBase<AppCopy, UUID> {
}
