package be.mhealth.pyramid.m3.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m3.domain.M3DossierTransition;
import be.mhealth.pyramid.support.paging.Page;

@Schema(name = "M3HistoryPage", description = "One page of a dossier's history, oldest first",
        requiredProperties = { "items", "page", "size", "total" })
public record M3HistoryPage(List<M3HistoryEntry> items, int page, int size, long total) {

    static M3HistoryPage of(Page<M3DossierTransition> p) {
        return new M3HistoryPage(p.map(M3HistoryEntry::of).items(), p.page(), p.size(), p.total());
    }
}
