package be.mhealth.pyramid.m2.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m2.domain.M2DossierTransition;
import be.mhealth.pyramid.support.paging.Page;

@Schema(name = "M2HistoryPage", description = "One page of a dossier's history, oldest first",
        requiredProperties = { "items", "page", "size", "total" })
public record M2HistoryPage(List<M2HistoryEntry> items, int page, int size, long total) {

    static M2HistoryPage of(Page<M2DossierTransition> p) {
        return new M2HistoryPage(p.map(M2HistoryEntry::of).items(), p.page(), p.size(), p.total());
    }
}
