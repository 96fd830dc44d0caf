package be.mhealth.pyramid.m2.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m2.domain.TestResult;
import be.mhealth.pyramid.support.paging.Page;

@Schema(name = "M2TestResultPage", description = "One page of a dossier's test results, by criterion, oldest first",
        requiredProperties = { "items", "page", "size", "total" })
public record M2TestResultPage(List<M2TestResult> items, int page, int size, long total) {

    static M2TestResultPage of(Page<TestResult> p) {
        return new M2TestResultPage(p.map(M2TestResult::of).items(), p.page(), p.size(), p.total());
    }
}
