package vn.lgsp.hub.simulators.population;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The parts of a SOAP 1.1 request the simulator needs: the operation (the local name of the body's first element,
 * or failing that the last segment of the {@code SOAPAction} header) and the personal ID asked about.
 *
 * @param operation  e.g. {@code XacThucThongTinCongDan}; null when neither body nor header names one
 * @param personalId {@code SoDinhDanh} of the request, or null
 * @param oldId      {@code SoCMND} of the request, or null
 */
record SoapRequest(String operation, String personalId, String oldId) {

  static final String SOAP_11 = "http://schemas.xmlsoap.org/soap/envelope/";

  /** Thrown when the body is not a SOAP 1.1 envelope; carries no part of the body. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  static SoapRequest parse(byte[] body, String soapAction) throws Invalid {
    Element payload = payload(body);
    String operation = payload != null ? payload.getLocalName() : fromAction(soapAction);
    return new SoapRequest(operation, childText(payload, "SoDinhDanh"), childText(payload, "SoCMND"));
  }

  /** The operation named by the header alone, for counting calls whose body cannot be read. */
  static String fromAction(String soapAction) {
    if (soapAction == null) {
      return null;
    }
    String action = soapAction.replace("\"", "").trim();
    int slash = action.lastIndexOf('/');
    String name = slash < 0 ? action : action.substring(slash + 1);
    return name.isEmpty() ? null : name;
  }

  private static Element payload(byte[] body) throws Invalid {
    if (body == null || body.length == 0) {
      throw new Invalid("empty request");
    }
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      document = builder.parse(new ByteArrayInputStream(body));
    } catch (Exception e) {
      throw new Invalid("request is not well-formed XML");
    }
    Element envelope = document.getDocumentElement();
    if (!"Envelope".equals(envelope.getLocalName()) || !SOAP_11.equals(envelope.getNamespaceURI())) {
      throw new Invalid("request is not a SOAP 1.1 envelope");
    }
    Element soapBody = firstChild(envelope, "Body");
    if (soapBody == null) {
      throw new Invalid("SOAP envelope without Body");
    }
    return firstChild(soapBody, null);
  }

  private static Element firstChild(Element parent, String localName) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && (localName == null || localName.equals(element.getLocalName()))) {
        return element;
      }
    }
    return null;
  }

  private static String childText(Element parent, String localName) {
    if (parent == null) {
      return null;
    }
    Element child = firstChild(parent, localName);
    if (child == null) {
      return null;
    }
    String text = child.getTextContent().trim();
    return text.isEmpty() ? null : text;
  }
}
