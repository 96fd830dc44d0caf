package be.mhealth.pyramid.registry.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;

/**
 * An Atom feed document checked three ways: against the RELAX NG schema of RFC 4287 (jing), parsed by ROME, and
 * for every MUST of RFC 4287 that the schema cannot express (its Schematron rules and the prose).
 */
public final class AtomChecks {

    public static final String ATOM = "http://www.w3.org/2005/Atom";
    /** RFC 3339 date-time as RFC 4287 3.3 requires it: uppercase T and Z, a time zone always. */
    private static final Pattern DATE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    private AtomChecks() {
    }

    /** Validates and parses a feed document; returns ROME's model of it. */
    public static Feed feed(byte[] xml) throws Exception {
        relaxNg(xml);
        Document document = dom(xml);
        musts(document.getDocumentElement());
        Feed feed = (Feed) new WireFeedInput(false, java.util.Locale.ROOT)
                .build(new InputSource(new ByteArrayInputStream(xml)));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        return feed;
    }

    static void relaxNg(byte[] xml) throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        InputSource schema = new InputSource(AtomChecks.class.getResource("/atom/rfc4287.rnc").toString());
        assertThat(driver.loadSchema(schema)).as("the RFC 4287 schema loads: %s", errors).isTrue();
        boolean valid = driver.validate(new InputSource(new ByteArrayInputStream(xml)));
        assertThat(errors).as("RELAX NG (RFC 4287 Appendix B)").isEmpty();
        assertThat(valid).isTrue();
    }

    static Document dom(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** RFC 4287's MUSTs for a feed document and its entries. */
    static void musts(Element feed) {
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        // 4.1.1: exactly one id, title, updated; at most one generator, icon, logo, rights, subtitle.
        for (String one : List.of("id", "title", "updated")) {
            assertThat(children(feed, one)).as("atom:feed/atom:" + one).hasSize(1);
        }
        for (String atMostOne : List.of("generator", "icon", "logo", "rights", "subtitle")) {
            assertThat(children(feed, atMostOne)).as("atom:feed/atom:" + atMostOne).hasSizeLessThanOrEqualTo(1);
        }
        absoluteIri(text(children(feed, "id").get(0)));
        date(text(children(feed, "updated").get(0)));
        links(feed);
        List<Element> entries = children(feed, "entry");
        // 4.1.1: an author, unless every entry has one.
        boolean feedAuthor = !children(feed, "author").isEmpty();
        persons(feed);
        Set<String> ids = new HashSet<>();
        for (Element entry : entries) {
            // 4.1.2: exactly one id, title, updated; at most one content, published, rights, source, summary.
            for (String one : List.of("id", "title", "updated")) {
                assertThat(children(entry, one)).as("atom:entry/atom:" + one).hasSize(1);
            }
            for (String atMostOne : List.of("content", "published", "rights", "source", "summary")) {
                assertThat(children(entry, atMostOne)).as("atom:entry/atom:" + atMostOne).hasSizeLessThanOrEqualTo(1);
            }
            assertThat(feedAuthor || !children(entry, "author").isEmpty()).as("an author for every entry").isTrue();
            persons(entry);
            String id = text(children(entry, "id").get(0));
            absoluteIri(id);
            assertThat(ids.add(id)).as("entry ids are unique in the document: " + id).isTrue();
            date(text(children(entry, "updated").get(0)));
            children(entry, "published").forEach(p -> date(text(p)));
            links(entry);
            // 4.1.2: an alternate link or content; without content, an alternate link.
            boolean alternate = children(entry, "link").stream().anyMatch(l -> rel(l).equals("alternate"));
            assertThat(alternate || !children(entry, "content").isEmpty()).as("alternate link or content").isTrue();
            // 4.1.1.1 / 4.1.3: text content is text only (no child elements).
            for (String construct : List.of("title", "summary", "content", "rights")) {
                for (Element text : children(entry, construct)) {
                    String type = text.getAttribute("type");
                    if (type.isEmpty() || type.equals("text")) {
                        assertThat(elementChildren(text)).as(construct + " of type text has no markup").isEmpty();
                    }
                }
            }
            // 4.2.2: category has a term.
            for (Element category : children(entry, "category")) {
                assertThat(category.getAttribute("term")).isNotEmpty();
            }
        }
    }

    /** 4.2.7: an href on every link; at most one alternate link per type and hreflang. */
    private static void links(Element parent) {
        Set<String> alternates = new HashSet<>();
        for (Element link : children(parent, "link")) {
            assertThat(link.hasAttribute("href")).as("link/@href").isTrue();
            URI.create(link.getAttribute("href"));
            assertThat(rel(link)).isNotEmpty();
            if (rel(link).equals("alternate")) {
                assertThat(alternates.add(link.getAttribute("type") + "|" + link.getAttribute("hreflang")))
                        .as("one alternate link per type and hreflang").isTrue();
            }
        }
    }

    /** 3.2: a person has exactly one name; 3.2.3 email, if any, once. */
    private static void persons(Element parent) {
        for (String role : List.of("author", "contributor")) {
            for (Element person : children(parent, role)) {
                assertThat(children(person, "name")).hasSize(1);
                assertThat(children(person, "uri")).hasSizeLessThanOrEqualTo(1);
                assertThat(children(person, "email")).hasSizeLessThanOrEqualTo(1);
            }
        }
    }

    private static String rel(Element link) {
        return link.hasAttribute("rel") ? link.getAttribute("rel") : "alternate";
    }

    /** 4.2.6: an IRI, never a relative reference. */
    private static void absoluteIri(String iri) {
        assertThat(URI.create(iri).isAbsolute()).as("absolute IRI: " + iri).isTrue();
    }

    private static void date(String value) {
        assertThat(value).as("RFC 3339 date-time").matches(DATE);
        OffsetDateTime.parse(value);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<Element> elementChildren(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element element) {
        return element.getTextContent().trim();
    }
}
