package be.mhealth.pyramid.m2.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m2.domain.M2Dossier;
import be.mhealth.pyramid.support.dossier.QueuedDossier;
import be.mhealth.pyramid.support.paging.Page;

@Schema(name = "M2ReviewQueuePage", description = "One page of the M2 review queue, longest waiting first",
        requiredProperties = { "items", "page", "size", "total" })
public record M2ReviewQueuePage(List<M2ReviewQueueEntry> items, int page, int size, long total) {

    static M2ReviewQueuePage of(Page<QueuedDossier<M2Dossier>> p) {
        return new M2ReviewQueuePage(p.map(M2ReviewQueueEntry::of).items(), p.page(), p.size(), p.total());
    }
}
