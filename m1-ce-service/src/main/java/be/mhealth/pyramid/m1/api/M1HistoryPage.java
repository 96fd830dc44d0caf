package be.mhealth.pyramid.m1.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m1.domain.M1DossierTransition;
import be.mhealth.pyramid.support.paging.Page;

@Schema(name = "M1HistoryPage", description = "One page of a dossier's history, oldest first",
        requiredProperties = { "items", "page", "size", "total" })
public record M1HistoryPage(List<M1HistoryEntry> items, int page, int size, long total) {

    static M1HistoryPage of(Page<M1DossierTransition> p) {
        return new M1HistoryPage(p.map(M1HistoryEntry::of).items(), p.page(), p.size(), p.total());
    }
}
