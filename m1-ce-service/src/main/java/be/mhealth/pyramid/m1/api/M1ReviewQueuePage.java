package be.mhealth.pyramid.m1.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.support.dossier.QueuedDossier;
import be.mhealth.pyramid.support.paging.Page;

@Schema(name = "M1ReviewQueuePage", description = "One page of FAMHP's review queue, longest waiting first",
        requiredProperties = { "items", "page", "size", "total" })
public record M1ReviewQueuePage(List<M1ReviewQueueEntry> items, int page, int size, long total) {

    /** The review queue: due dates of re-assessments. */
    static M1ReviewQueuePage of(Page<QueuedDossier<M1Dossier>> p) {
        return new M1ReviewQueuePage(p.map(M1ReviewQueueEntry::of).items(), p.page(), p.size(), p.total());
    }

    /** Grants expiring soon: each certificate's expiry date is its due date. */
    static M1ReviewQueuePage expiring(Page<QueuedDossier<M1Dossier>> p) {
        return new M1ReviewQueuePage(p.map(M1ReviewQueueEntry::expiring).items(), p.page(), p.size(), p.total());
    }
}
