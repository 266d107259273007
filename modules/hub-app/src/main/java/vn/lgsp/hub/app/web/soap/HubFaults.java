package vn.lgsp.hub.app.web.soap;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.util.List;
import java.util.function.BiFunction;
import javax.xml.namespace.QName;
import org.apache.cxf.helpers.DOMUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.Violation;

/**
 * The hub's error model as a SOAP fault, for one of the hub's WSDLs: the declared {@code HubFault}, whose
 * {@code hubFault} detail carries the stable code, a message and the violations, as a REST problem document carries
 * {@code code}, {@code detail} and {@code errors}. The faultstring is the same message.
 *
 * <p>Every hub WSDL declares the same {@code hubFault} shape ({@code code}, {@code message}, {@code violation*} of
 * {@code field}, {@code code}, {@code message}) in its own namespace, so wsdl2java generates a fault and a detail class
 * per WSDL. This class builds the detail once, as DOM in that namespace, and has JAXB turn it into the generated
 * detail class; a WSDL only supplies its namespace and generated classes.
 *
 * @param <F> the generated fault exception
 * @param <D> the generated {@code HubFaultDetail}
 */
public final class HubFaults<F extends Exception, D> {

    public static final String INTERNAL_MESSAGE = "Internal error; quote the correlation id to the operator";
    public static final String ELEMENT = "hubFault";

    private final String namespace;
    private final Class<F> faultType;
    private final Class<D> detailType;
    private final BiFunction<String, D, F> newFault;
    private final JAXBContext jaxb;

    /**
     * @param namespace the WSDL's target namespace, where its {@code hubFault} element is
     * @param newFault  the generated fault's constructor {@code (String message, D faultInfo)}
     */
    public HubFaults(String namespace, Class<F> faultType, Class<D> detailType, BiFunction<String, D, F> newFault) {
        this.namespace = namespace;
        this.faultType = faultType;
        this.detailType = detailType;
        this.newFault = newFault;
        try {
            this.jaxb = JAXBContext.newInstance(detailType);
        } catch (JAXBException e) {
            throw new IllegalStateException("The generated " + detailType.getName() + " does not make a JAXB context",
                    e);
        }
    }

    public QName element() {
        return new QName(namespace, ELEMENT);
    }

    public Class<F> faultType() {
        return faultType;
    }

    public F fault(ErrorCode code, String message) {
        return fault(code, message, List.of());
    }

    public F fault(ErrorCode code, String message, List<Violation> violations) {
        Document doc = DOMUtils.createDocument();
        Element detail = (Element) doc.appendChild(detail(doc, code, message, violations));
        try {
            D info = jaxb.createUnmarshaller().unmarshal(detail, detailType).getValue();
            return newFault.apply(message, info);
        } catch (JAXBException e) {
            throw new IllegalStateException("The hubFault detail does not unmarshal to " + detailType.getName(), e);
        }
    }

    /** The {@code hubFault} element, created in {@code doc} (not appended). */
    public Element detail(Document doc, ErrorCode code, String message, List<Violation> violations) {
        // the namespace as the default one, as JAXB writes it: <hubFault xmlns="…"><code>…</code>…
        Element fault = doc.createElementNS(namespace, ELEMENT);
        fault.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", namespace);
        text(fault, "code", code.code());
        text(fault, "message", message);
        for (Violation v : violations) {
            Element violation = (Element) fault.appendChild(doc.createElementNS(namespace, "violation"));
            text(violation, "field", v.field());
            text(violation, "code", v.code().code());
            text(violation, "message", v.message());
        }
        return fault;
    }

    private void text(Element parent, String name, String value) {
        Element e = parent.getOwnerDocument().createElementNS(namespace, name);
        e.setTextContent(value == null ? "" : value);
        parent.appendChild(e);
    }

    /** The code of the {@code hubFault} element among {@code detail}'s children, or null when there is none. */
    public String codeIn(Element detail) {
        if (detail == null) {
            return null;
        }
        for (Node n = detail.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && ELEMENT.equals(el.getLocalName())
                    && namespace.equals(el.getNamespaceURI())) {
                for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element child && "code".equals(child.getLocalName())) {
                        return child.getTextContent();
                    }
                }
            }
        }
        return null;
    }

    /** Whether the fault is the caller's (a 4xx over REST: soap:Client) rather than the hub's (soap:Server). */
    public static boolean callersFault(String code) {
        for (ErrorCode c : ErrorCode.values()) {
            if (c.code().equals(code)) {
                return c.httpStatus() < 500;
            }
        }
        return false;
    }
}
