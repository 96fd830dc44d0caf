package be.mhealth.pyramid.m1.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.support.paging.Page;

@Schema(name = "M1DossierPage", description = "One page of M1 dossiers", requiredProperties = { "items", "page",
        "size", "total" })
public record M1DossierPage(List<M1DossierView> items, int page, int size, long total) {

    static M1DossierPage of(Page<M1Dossier> p) {
        return new M1DossierPage(p.map(M1DossierView::of).items(), p.page(), p.size(), p.total());
    }
}
