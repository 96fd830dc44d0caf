package be.mhealth.pyramid.m3.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m3.domain.M3Dossier;
import be.mhealth.pyramid.support.dossier.QueuedDossier;
import be.mhealth.pyramid.support.paging.Page;

@Schema(name = "M3ReviewQueuePage", description = "One page of NIHDI's review queue, earliest due step first",
        requiredProperties = { "items", "page", "size", "total" })
public record M3ReviewQueuePage(List<M3ReviewQueueEntry> items, int page, int size, long total) {

    static M3ReviewQueuePage of(Page<QueuedDossier<M3Dossier>> p) {
        return new M3ReviewQueuePage(p.map(M3ReviewQueueEntry::of).items(), p.page(), p.size(), p.total());
    }
}
