package be.mhealth.pyramid.portal.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import be.mhealth.pyramid.portal.client.ApiException;
import be.mhealth.pyramid.portal.client.api.AppsApi;
import be.mhealth.pyramid.portal.client.api.CatalogApi;
import be.mhealth.pyramid.portal.client.model.App;
import be.mhealth.pyramid.portal.client.model.CatalogFacets;
import be.mhealth.pyramid.portal.client.model.CatalogItem;
import be.mhealth.pyramid.portal.client.model.CatalogPage;
import be.mhealth.pyramid.portal.client.model.Category;
import be.mhealth.pyramid.portal.client.model.Language;
import be.mhealth.pyramid.portal.client.model.Level;
import be.mhealth.pyramid.portal.client.model.LevelChange;
import be.mhealth.pyramid.portal.client.model.Platform;
import be.mhealth.pyramid.portal.client.model.TargetUser;
import be.mhealth.pyramid.portal.config.PortalConfig;
import be.mhealth.pyramid.portal.service.Gateway;
import be.mhealth.pyramid.portal.service.LabelService;
import be.mhealth.pyramid.portal.service.Labels;
import io.quarkus.qute.Template;

/** The public pages: the catalog, an app, the apps of a level; the same for every visitor, cacheable. */
@Path("/")
public class PublicPages {

    private static final Logger LOG = Logger.getLogger(PublicPages.class);
    private static final java.util.concurrent.ExecutorService PARALLEL =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private final Gateway gateway;
    private final LabelService labels;
    private final PageSupport support;
    private final PortalConfig config;
    private final Template catalog;
    private final Template app;
    private final Template problem;

    PublicPages(Gateway gateway, LabelService labels, PageSupport pages, PortalConfig config, Template catalog,
            Template app, Template problem) {
        this.gateway = gateway;
        this.labels = labels;
        this.support = pages;
        this.config = config;
        this.catalog = catalog;
        this.app = app;
        this.problem = problem;
    }

    /** The first visit: the language chosen before (cookie), else the browser's (Accept-Language). */
    @GET
    public Response home(@CookieParam(Lang.COOKIE) String chosen,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Lang lang = Lang.of(chosen).orElseGet(() -> Lang.fromAcceptLanguage(acceptLanguage));
        return Response.seeOther(URI.create("/" + lang.code() + "/")).header("Vary", "Accept-Language, Cookie")
                .header("Cache-Control", "private, no-cache").build();
    }

    /** The language switch: remembers the choice and goes to the same page in that language. */
    @GET
    @Path("language/{lang}")
    public Response switchLanguage(@PathParam("lang") String code, @QueryParam("to") String to) {
        Lang lang = Lang.of(code).orElse(Lang.EN);
        String target = to != null && to.startsWith("/" + lang.code() + "/") && !to.contains("\\") ? to
                : "/" + lang.code() + "/";
        NewCookie cookie = new NewCookie.Builder(Lang.COOKIE).value(lang.code()).path("/").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(URI.create(target)).cookie(cookie).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{lang:nl|fr|en}/")
    public Response catalog(@PathParam("lang") String code, @QueryParam("q") String q,
            @QueryParam("level") String level, @QueryParam("category") String category,
            @QueryParam("platform") String platform, @QueryParam("targetUser") String targetUser,
            @QueryParam("page") Integer page, @Context Request request) {
        Lang lang = Lang.of(code).orElseThrow();
        String query = q == null ? "" : q.strip();
        boolean tooShort = !query.isEmpty() && query.length() < 3;
        Level lv = parse(Level::fromValue, level);
        Category cat = parse(Category::fromValue, category);
        Platform pf = parse(Platform::fromValue, platform);
        TargetUser tu = parse(TargetUser::fromValue, targetUser);
        int p = page == null || page < 1 ? 1 : page;
        CatalogPage result;
        try {
            result = gateway.publicCatalog.listCatalogApps(CatalogApi.APIListCatalogAppsRequest.newBuilder()
                    .lang(language(lang)).q(query.isEmpty() || tooShort ? null : query).level(lv).category(cat)
                    .platform(pf).targetUser(tu).page(p - 1).size(config.pageSize()).build());
        } catch (ApiException e) {
            return unavailable(lang, "/", e, request);
        }
        Labels l = labels.labels(lang);
        Msg msg = msg(lang);
        Map<String, String> params = new java.util.LinkedHashMap<>();
        put(params, "q", tooShort ? query : query);
        put(params, "level", lv == null ? null : lv.getValue());
        put(params, "category", cat == null ? null : cat.getValue());
        put(params, "platform", pf == null ? null : pf.getValue());
        put(params, "targetUser", tu == null ? null : tu.getValue());
        String base = "/" + lang.code() + "/";
        CatalogFacets facets = result.getFacets();
        List<Views.Filter> filters = List.of(
                filter("level", msg.filter_level(), Level.values(), Level::getValue, "level", l,
                        facets == null ? null : facets.getLevel(), params.get("level")),
                filter("category", msg.filter_category(), Category.values(), Category::getValue, "category", l,
                        facets == null ? null : facets.getCategory(), params.get("category")),
                filter("platform", msg.filter_platform(), Platform.values(), Platform::getValue, "platform", l,
                        facets == null ? null : facets.getPlatform(), params.get("platform")),
                filter("targetUser", msg.filter_target_user(), TargetUser.values(), TargetUser::getValue,
                        "targetUser", l, facets == null ? null : facets.getTargetUser(), params.get("targetUser")));
        long total = result.getTotal() == null ? 0 : result.getTotal();
        long pages = Math.max(1, (total + config.pageSize() - 1) / config.pageSize());
        String rest = "/" + query(params, p);
        Views.Catalog view = new Views.Catalog(support.frame(lang, msg.catalog_title(), rest, false),
                msg.catalog_title(), query, tooShort, filters, items(result.getItems(), lang, l), total, p, pages,
                p > 1 ? base + query(params, p - 1) : null, p < pages ? base + query(params, p + 1) : null,
                levelCounts(lang, l, facets), base, base);
        return support.publicPage(request, catalog.data("view", view), lang, 200);
    }

    @GET
    @Path("{lang:nl|fr|en}/levels/{level}")
    public Response level(@PathParam("lang") String code, @PathParam("level") String level,
            @QueryParam("page") Integer page, @Context Request request) {
        Lang lang = Lang.of(code).orElseThrow();
        Level lv = parse(Level::fromValue, level == null ? null : level.toUpperCase(java.util.Locale.ROOT));
        if (lv == null) {
            return notFound(lang, request);
        }
        int p = page == null || page < 1 ? 1 : page;
        CatalogPage result;
        try {
            result = gateway.publicCatalog.listCatalogApps(CatalogApi.APIListCatalogAppsRequest.newBuilder()
                    .lang(language(lang)).level(lv).page(p - 1).size(config.pageSize()).build());
        } catch (ApiException e) {
            return unavailable(lang, "/levels/" + lv.getValue(), e, request);
        }
        Labels l = labels.labels(lang);
        Msg msg = msg(lang);
        String heading = msg.level_title(l.of("level", lv.getValue()));
        long total = result.getTotal() == null ? 0 : result.getTotal();
        long pages = Math.max(1, (total + config.pageSize() - 1) / config.pageSize());
        String base = "/" + lang.code() + "/levels/" + lv.getValue();
        Views.Catalog view = new Views.Catalog(support.frame(lang, heading, "/levels/" + lv.getValue(), false),
                heading, "", false, List.of(), items(result.getItems(), lang, l), total, p, pages,
                p > 1 ? base + "?page=" + (p - 1) : null, p < pages ? base + "?page=" + (p + 1) : null,
                levelCounts(lang, l, result.getFacets()), null, null);
        return support.publicPage(request, catalog.data("view", view), lang, 200);
    }

    @GET
    @Path("{lang:nl|fr|en}/apps/{id}")
    public Response app(@PathParam("lang") String code, @PathParam("id") String id, @Context Request request) {
        Lang lang = Lang.of(code).orElseThrow();
        UUID appId;
        try {
            appId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return notFound(lang, request);
        }
        App a;
        List<LevelChange> history;
        // The record and its history at the same time (two calls to the gateway, one page).
        java.util.concurrent.Future<List<LevelChange>> historyCall = PARALLEL.submit(() -> gateway.publicApps
                .getAppHistory(AppsApi.APIGetAppHistoryRequest.newBuilder().id(appId).size(100).build()).getItems());
        try {
            a = gateway.publicApps.getApp(AppsApi.APIGetAppRequest.newBuilder().id(appId).lang(lang.code()).build());
            history = historyCall.get();
        } catch (ApiException e) {
            historyCall.cancel(true);
            return e.getCode() == 404 ? notFound(lang, request) : unavailable(lang, "/apps/" + id, e, request);
        } catch (java.util.concurrent.ExecutionException e) {
            ApiException cause = e.getCause() instanceof ApiException api ? api : new ApiException(e.getCause());
            return cause.getCode() == 404 ? notFound(lang, request) : unavailable(lang, "/apps/" + id, cause, request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(lang, "/apps/" + id, new ApiException(e), request);
        }
        Labels l = labels.labels(lang);
        Views.AppPage view = AppView.of(a, history, lang, l, msg(lang),
                support.frame(lang, AppView.name(a, lang), "/apps/" + appId, false));
        return support.publicPage(request, app.data("view", view), lang, 200);
    }

    private List<Views.Item> items(List<CatalogItem> items, Lang lang, Labels l) {
        List<Views.Item> out = new ArrayList<>();
        if (items == null) {
            return out;
        }
        for (CatalogItem i : items) {
            String level = i.getLevel() == null ? null : i.getLevel().getValue();
            out.add(new Views.Item(i.getId().toString(), i.getName(), i.getSummary(), level, i.getLevelLabel(),
                    i.getCategoryLabel(), String.join(", ", i.getPlatformLabels()),
                    String.join(", ", i.getTargetUserLabels()), "/" + lang.code() + "/apps/" + i.getId()));
        }
        return out;
    }

    private static List<Views.LevelCount> levelCounts(Lang lang, Labels l, CatalogFacets facets) {
        List<Views.LevelCount> out = new ArrayList<>();
        for (Level level : Level.values()) {
            Long count = facets == null || facets.getLevel() == null ? null : facets.getLevel().get(level.getValue());
            out.add(new Views.LevelCount(level.getValue(), l.of("level", level.getValue()),
                    count == null ? 0 : count, "/" + lang.code() + "/levels/" + level.getValue()));
        }
        return out;
    }

    static String join(List<?> codes, String kind, Labels l) {
        if (codes == null) {
            return "";
        }
        return String.join(", ", codes.stream().map(c -> l.of(kind, c)).toList());
    }

    private static <E> Views.Filter filter(String name, String label, E[] values, Function<E, String> code,
            String kind, Labels l, Map<String, Long> counts, String selected) {
        List<Views.Option> options = new ArrayList<>();
        for (E value : values) {
            String c = code.apply(value);
            options.add(new Views.Option(c, l.of(kind, c), counts == null ? null : counts.getOrDefault(c, 0L),
                    c.equals(selected)));
        }
        return new Views.Filter(name, label, options);
    }

    private static void put(Map<String, String> params, String name, String value) {
        if (value != null && !value.isEmpty()) {
            params.put(name, value);
        }
    }

    private static String query(Map<String, String> params, int page) {
        StringBuilder s = new StringBuilder();
        params.forEach((k, v) -> s.append(s.isEmpty() ? "?" : "&").append(k).append('=').append(PageSupport.encode(v)));
        if (page > 1) {
            s.append(s.isEmpty() ? "?" : "&").append("page=").append(page);
        }
        return s.toString();
    }

    private static <E> E parse(Function<String, E> parser, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Language language(Lang lang) {
        return Language.fromValue(lang.code());
    }

    static Msg msg(Lang lang) {
        return io.quarkus.qute.i18n.MessageBundles.get(Msg.class, io.quarkus.qute.i18n.Localized.Literal.of(
                lang.code()));
    }

    private Response notFound(Lang lang, Request request) {
        Msg msg = msg(lang);
        return support.publicPage(request, problem.data("view", new Views.Problem(support.frame(lang,
                msg.not_found_title(), "/", false), msg.not_found_title(), msg.not_found_text())), lang, 404);
    }

    private Response unavailable(Lang lang, String rest, ApiException e, Request request) {
        LOG.warnf("the gateway answered %d: %s", e.getCode(), e.getMessage());
        Msg msg = msg(lang);
        return Response.fromResponse(support.publicPage(request, problem.data("view", new Views.Problem(
                support.frame(lang, msg.catalog_title(), rest, false), msg.catalog_title(), msg.unavailable_text())),
                lang, 503)).tag((jakarta.ws.rs.core.EntityTag) null).header("Cache-Control", null)
                .header("Cache-Control", "no-store").header("Retry-After", "30").build();
    }
}
