package be.mhealth.pyramid.m3.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m3.domain.M3Dossier;
import be.mhealth.pyramid.support.paging.Page;

@Schema(name = "M3DossierPage", description = "One page of M3 dossiers", requiredProperties = { "items", "page",
        "size", "total" })
public record M3DossierPage(List<M3DossierView> items, int page, int size, long total) {

    static M3DossierPage of(Page<M3Dossier> p, LocalDate today) {
        return new M3DossierPage(p.map(d -> M3DossierView.of(d, today)).items(), p.page(), p.size(), p.total());
    }
}
