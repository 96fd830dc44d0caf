package be.mhealth.pyramid.registry.api;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.registry.config.RegistryConfig;

/** Page sizes: the configured default when none is asked for, and never above the configured cap. */
@ApplicationScoped
public class Paging {

    private final RegistryConfig.Paging config;

    Paging(RegistryConfig config) {
        this.config = config.paging();
    }

    public int size(Integer requested) {
        return requested == null ? config.defaultSize() : Math.min(requested, config.maxSize());
    }
}
