package be.mhealth.pyramid.portal.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import be.mhealth.pyramid.portal.client.ApiException;
import be.mhealth.pyramid.portal.service.DossierReader;
import be.mhealth.pyramid.portal.service.LabelService;
import be.mhealth.pyramid.portal.service.Labels;
import io.quarkus.oidc.IdToken;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in page (authorization code flow through Keycloak): a vendor's own apps with every dossier's state and
 * what it waits for; an assessor's review queue, read only. Read with the user's own access token; never cached.
 */
@Path("/{lang:nl|fr|en}/me")
@Authenticated
public class SignedInPages {

    private static final Logger LOG = Logger.getLogger(SignedInPages.class);

    private final SecurityIdentity identity;
    @Inject
    @IdToken
    JsonWebToken idToken;
    private final DossierReader dossiers;
    private final LabelService labels;
    private final PageSupport support;
    private final Template me;

    SignedInPages(SecurityIdentity identity, DossierReader dossiers,
            LabelService labels, PageSupport support, Template me) {
        this.identity = identity;
        this.dossiers = dossiers;
        this.labels = labels;
        this.support = support;
        this.me = me;
    }

    @GET
    public Response me(@PathParam("lang") String code) {
        Lang lang = Lang.of(code).orElseThrow();
        Msg msg = PublicPages.msg(lang);
        Labels l = labels.labels(lang);
        boolean vendor = identity.hasRole("vendor");
        List<Views.VendorApp> apps = List.of();
        List<Views.Queue> queues = new ArrayList<>();
        try {
            if (vendor) {
                apps = dossiers.vendorApps(lang, l, msg);
            }
            for (DossierReader.Authority authority : DossierReader.Authority.values()) {
                if (identity.hasRole(authority.role)) {
                    queues.add(dossiers.queue(authority, lang, l));
                }
            }
        } catch (ApiException e) {
            LOG.warnf("the gateway answered %d: %s", e.getCode(), e.getMessage());
            return Response.fromResponse(PageSupport.privatePage(me.data("view", new Views.Me(
                    support.frame(lang, msg.nav_my_space(), "/me", true), name(), false, List.of(), List.of()))
                    .data("unavailable", msg.unavailable_text()), lang)).status(503).build();
        }
        String title = msg.nav_my_space();
        return PageSupport.privatePage(me.data("view", new Views.Me(support.frame(lang, title, "/me", true), name(),
                vendor, apps, queues)).data("unavailable", null), lang);
    }

    private String name() {
        String name = idToken.getClaim("preferred_username");
        return name != null ? name : identity.getPrincipal().getName();
    }
}
