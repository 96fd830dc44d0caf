package be.mhealth.pyramid.portal.service;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import be.mhealth.pyramid.portal.api.Lang;
import be.mhealth.pyramid.portal.client.ApiException;
import be.mhealth.pyramid.portal.client.api.CatalogApi;
import be.mhealth.pyramid.portal.client.model.Language;
import io.quarkus.cache.CacheResult;

/**
 * The platform's labels in one language, from its reference endpoint ({@code GET /api/v1/labels}), kept for a while
 * (they change with a release, not with data). When the gateway cannot give them, codes show as they are and the
 * next page asks again.
 */
@ApplicationScoped
public class LabelService {

    private static final Logger LOG = Logger.getLogger(LabelService.class);

    private final Gateway gateway;

    LabelService(Gateway gateway) {
        this.gateway = gateway;
    }

    public Labels labels(Lang lang) {
        try {
            return fetch(lang);
        } catch (ApiException | RuntimeException e) {
            LOG.warnf("no labels from the gateway (%s); codes are shown as they are", e.getMessage());
            return Labels.NONE;
        }
    }

    /** Cached per language; a failure is not cached. */
    @CacheResult(cacheName = "labels")
    Labels fetch(Lang lang) throws ApiException {
        var l = gateway.publicCatalog.getLabels(CatalogApi.APIGetLabelsRequest.newBuilder()
                .lang(Language.fromValue(lang.code())).build());
        Map<String, String> byKey = new HashMap<>();
        put(byKey, "level", l.getLevels());
        put(byKey, "category", l.getCategories());
        put(byKey, "platform", l.getPlatforms());
        put(byKey, "targetUser", l.getTargetUsers());
        put(byKey, "authority", l.getAuthorities());
        put(byKey, "topic", l.getTopics());
        put(byKey, "delistingReason", l.getDelistingReasons());
        put(byKey, "reimbursementKind", l.getReimbursementKinds());
        if (l.getCriteria() != null) {
            l.getCriteria().forEach((code, c) -> {
                byKey.put("criterion." + code, c.getLabel());
                byKey.put("criterionExplanation." + code, c.getExplanation());
            });
        }
        return new Labels(Map.copyOf(byKey));
    }

    private static void put(Map<String, String> byKey, String kind, Map<String, String> labels) {
        if (labels != null) {
            labels.forEach((code, label) -> byKey.put(kind + "." + code, label));
        }
    }
}
