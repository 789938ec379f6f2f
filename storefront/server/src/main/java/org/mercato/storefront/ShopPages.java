package org.mercato.storefront;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Serves the single-page app's {@code index.html} at every shop route (so a shared or reloaded URL works), with
 * the head a crawler needs already in it on product ({@code /p/<slug>}) and category ({@code /c/<slug>}) pages:
 * title, description, canonical URL, JSON-LD ({@link PageHead}). Those pages are cacheable by a CDN for
 * {@value #PAGE_MAX_AGE} seconds with a strong ETag (304 on a match); an unknown slug is a 404 page with
 * {@code noindex}; a catalog that does not answer within {@link CatalogClient#TIMEOUT} gives the plain page, not
 * cached, and the script fills it in.
 *
 * <p>
 * Settings: {@code mercato.api.base-url} (where the catalog is reached), {@code mercato.shop.base-url} (the
 * public origin for canonical URLs; when unset, the request's own), {@code mercato.shop.name}.
 */
public class ShopPages extends ReadOnlyServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ShopPages.class.getName());
    /** Seconds a product or category page may be kept by browsers and CDNs. */
    public static final int PAGE_MAX_AGE = 60;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int SLUG_LENGTH = 120;

    private transient CatalogClient catalog;
    private transient PageHead heads;
    private String shopBase;
    private String indexHtml;

    @Override
    public void init() throws ServletException {
        Config config = ConfigProvider.getConfig();
        catalog = new CatalogClient(config.getOptionalValue("mercato.api.base-url", String.class).orElse(
                "http://127.0.0.1:8080"));
        shopBase = config.getOptionalValue("mercato.shop.base-url", String.class).map(ShopPages::trimSlash)
                .orElse(null);
        heads = new PageHead(config.getOptionalValue("mercato.shop.name", String.class).orElse("Mercato"));
        try (InputStream in = getServletContext().getResourceAsStream("/index.html")) {
            if (in == null) {
                throw new ServletException("index.html is missing from the storefront build");
            }
            indexHtml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ServletException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // a path no route knows (web.xml's 404 error page): the app shows its not-found page
            send(request, response, 404, heads.notFound(), "", false);
            return;
        }
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String origin = origin(request);
        if (path.isEmpty() || path.equals("/") || path.equals("/index.html")) {
            home(request, response);
            return;
        }
        if (path.startsWith("/p/") || path.startsWith("/c/")) {
            String slug = path.substring(3);
            if (slug.length() > SLUG_LENGTH || !SLUG.matcher(slug).matches()) {
                send(request, response, 404, heads.notFound(), "", false);
                return;
            }
            try {
                Optional<Page> page = path.startsWith("/p/")
                        ? productPage(slug, origin)
                        : categoryPage(slug, origin);
                if (page.isPresent()) {
                    send(request, response, 200, page.get().head(), page.get().extras(), true);
                } else {
                    send(request, response, 404, heads.notFound(), "", false);
                }
            } catch (CatalogClient.Unavailable e) {
                LOG.warning(() -> "Serving " + path + " without its head tags: " + e.getMessage());
                send(request, response, 200, null, "", false);
            }
            return;
        }
        send(request, response, 200, null, "", false);
    }

    /** The home page with its first answers (categories, newest products) in it; the plain page without them. */
    private void home(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Map<String, JsonValue> answers = new LinkedHashMap<>();
            catalog.categories().ifPresent(tree -> answers.put(CatalogClient.CATEGORIES, tree));
            JsonObject listing = catalog.homeListing().orElse(null);
            if (listing != null) {
                answers.put(CatalogClient.HOME_LISTING, listing);
            }
            send(request, response, 200, null, firstPicture(listing, PageHead.CARD_SIZES)
                    + PageHead.preloadedAnswers(answers), true);
        } catch (CatalogClient.Unavailable e) {
            LOG.fine(() -> "Serving the home page without its first answers: " + e.getMessage());
            send(request, response, 200, null, "", false);
        }
    }

    /** A shop page's own head (title, description, JSON-LD) and what goes before {@code </head>} besides. */
    private record Page(String head, String extras) {
    }

    /** @return a product page, or empty when the catalog has no such product */
    private Optional<Page> productPage(String slug, String origin) throws CatalogClient.Unavailable {
        Optional<JsonObject> product = catalog.product(slug);
        // the breadcrumb's parents come from the tree: without it the first render would grow a line later
        Optional<JsonValue> tree = product.isPresent() ? catalog.categories() : Optional.empty();
        // a product opened by an old slug or its id still shows; its canonical URL names the current slug
        return product.map(p -> {
            JsonArray images = p.getJsonArray("images");
            String picture = images == null || images.isEmpty()
                    ? ""
                    : PageHead.preloadPicture(images.getJsonObject(0),
                            PageHead.GALLERY_SIZES);
            Map<String, JsonValue> answers = new LinkedHashMap<>();
            answers.put(CatalogClient.productPath(slug), p);
            tree.ifPresent(t -> answers.put(CatalogClient.CATEGORIES, t));
            return new Page(heads.product(p, origin), picture + PageHead.preloadedAnswers(answers));
        });
    }

    /** @return a category page, or empty when the catalog has no such category */
    private Optional<Page> categoryPage(String slug, String origin) throws CatalogClient.Unavailable {
        Optional<JsonValue> tree = catalog.categories();
        Optional<JsonObject> category = tree.flatMap(t -> CatalogClient.find(t, slug));
        if (category.isEmpty()) {
            return Optional.empty();
        }
        JsonObject listing = catalog.listing(slug, PageHead.PAGE_SIZE);
        Map<String, JsonValue> answers = new LinkedHashMap<>();
        answers.put(CatalogClient.CATEGORIES, tree.get());
        answers.put(CatalogClient.listingPath(slug, PageHead.PAGE_SIZE), listing);
        return Optional.of(new Page(heads.category(category.get(), listing, origin),
                firstPicture(listing, PageHead.CARD_SIZES) + PageHead.preloadedAnswers(answers)));
    }

    /** A preload of the first listed product's picture: the largest paint of a listing. */
    private static String firstPicture(JsonObject listing, String sizes) {
        if (listing == null || listing.getJsonArray("items") == null || listing.getJsonArray("items").isEmpty()) {
            return "";
        }
        JsonValue image = listing.getJsonArray("items").getJsonObject(0).get("image");
        return image instanceof JsonObject picture ? PageHead.preloadPicture(picture, sizes) : "";
    }

    /**
     * index.html with {@code head} in place of its title (null: its own title kept) and {@code extras} before
     * {@code </head>}; cacheable pages get an ETag and a max-age.
     */
    private void send(HttpServletRequest request, HttpServletResponse response, int status, String head,
            String extras, boolean cacheable) throws IOException {
        String html = head == null ? indexHtml : withHead(indexHtml, head);
        if (!extras.isEmpty()) {
            int end = html.indexOf("</head>");
            html = end < 0 ? html : html.substring(0, end) + extras + html.substring(end);
        }
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        if (cacheable) {
            String tag = "\"" + sha256(body) + "\"";
            response.setHeader("ETag", tag);
            response.setHeader("Cache-Control", "public, max-age=" + PAGE_MAX_AGE);
            String match = request.getHeader("If-None-Match");
            if (match != null && (match.equals(tag) || match.equals("W/" + tag))) {
                response.setStatus(304);
                return;
            }
        } else {
            response.setHeader("Cache-Control", "no-cache");
        }
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Puts {@code head} where the page's own {@code <title>} was (or before {@code </head>}). */
    static String withHead(String index, String head) {
        int title = index.indexOf("<title>");
        int titleEnd = index.indexOf("</title>");
        if (title >= 0 && titleEnd > title) {
            return index.substring(0, title) + head + index.substring(titleEnd + "</title>".length());
        }
        int end = index.indexOf("</head>");
        return end < 0 ? index : index.substring(0, end) + head + index.substring(end);
    }

    private String origin(HttpServletRequest request) {
        if (shopBase != null) {
            return shopBase;
        }
        int port = request.getServerPort();
        boolean defaultPort = (request.getScheme().equals("http") && port == 80)
                || (request.getScheme().equals("https") && port == 443);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
