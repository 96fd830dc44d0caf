package be.mhealth.pyramid.m2.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m2.domain.M2Dossier;
import be.mhealth.pyramid.support.paging.Page;

@Schema(name = "M2DossierPage", description = "One page of M2 dossiers", requiredProperties = { "items", "page",
        "size", "total" })
public record M2DossierPage(List<M2DossierView> items, int page, int size, long total) {

    static M2DossierPage of(Page<M2Dossier> p) {
        return new M2DossierPage(p.map(M2DossierView::of).items(), p.page(), p.size(), p.total());
    }
}
