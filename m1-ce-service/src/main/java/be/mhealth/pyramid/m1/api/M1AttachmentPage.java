package be.mhealth.pyramid.m1.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m1.domain.Attachment;
import be.mhealth.pyramid.support.paging.Page;

@Schema(name = "M1AttachmentPage", description = "One page of a dossier's attachments, oldest first",
        requiredProperties = { "items", "page", "size", "total" })
public record M1AttachmentPage(List<M1Attachment> items, int page, int size, long total) {

    static M1AttachmentPage of(Page<Attachment> p) {
        return new M1AttachmentPage(p.map(M1Attachment::of).items(), p.page(), p.size(), p.total());
    }
}
