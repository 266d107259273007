package vn.lgsp.hub.simulators.edxml;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The few facts of an edXML package (or status package) the simulators show in their admin views, read by local name
 * whatever the namespaces (older axes bind {@code edXML:} to other ones), with a StAX scan that stops where the header
 * ends, so that a package of many megabytes costs no more than a small one. DTDs are not processed: a package with a
 * {@code DOCTYPE} is unreadable, as is one whose header is not well-formed XML. Anything else is tolerated: a fact that
 * is missing is null (an empty list for {@code to}).
 *
 * @param root                  the root element's local name
 * @param status                whether it is a status package: its header holds {@code Status} or
 *                              {@code MessageStatus} (or the root is one of them)
 * @param documentId            {@code MessageHeader/DocumentId} (or {@code Status/DocumentId})
 * @param from                  {@code From/OrganId}
 * @param to                    every {@code To/OrganId}, in order
 * @param statusCode            the first {@code StatusCode}
 * @param responseForOrganId    the first {@code ResponseFor/OrganId}
 * @param responseForDocumentId the first {@code ResponseFor/DocumentId}
 */
public record PackageFacts(String root, boolean status, String documentId, String from, List<String> to,
    String statusCode, String responseForOrganId, String responseForDocumentId) {

  private static final Set<String> STATUS_HEADERS = Set.of("Status", "MessageStatus");
  private static final Set<String> HEADERS = Set.of("MessageHeader", "Status", "MessageStatus");
  /** Where the header is over: nothing after them is read. */
  private static final Set<String> PAST_HEADER = Set.of("edXMLBody", "AttachmentEncoded");
  /** Bounds the text kept from one element; codes and identifiers are far shorter. */
  private static final int MAX_TEXT = 1000;
  private static final XMLInputFactory FACTORY = factory();

  public PackageFacts {
    to = List.copyOf(to);
  }

  /** {@code "status"} or {@code "edoc"}, the axis' words for the two kinds. */
  public String messageType() {
    return status ? "status" : "edoc";
  }

  /** The facts of {@code xml}, or empty when it is not a readable package. */
  public static Optional<PackageFacts> scan(byte[] xml) {
    if (xml == null || xml.length == 0) {
      return Optional.empty();
    }
    try {
      XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
      try {
        return Optional.of(new Scan().read(reader));
      } finally {
        reader.close();
      }
    } catch (XMLStreamException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  /** One pass; holds the facts found so far. */
  private static final class Scan {

    private final Deque<String> open = new ArrayDeque<>();
    private final List<String> to = new ArrayList<>();
    private String root;
    private boolean status;
    private String documentId;
    private String from;
    private String statusCode;
    private String responseForOrganId;
    private String responseForDocumentId;

    PackageFacts read(XMLStreamReader reader) throws XMLStreamException {
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
          throw new XMLStreamException("DOCTYPE not accepted");
        }
        if (event == XMLStreamConstants.END_ELEMENT) {
          open.pop();
        } else if (event == XMLStreamConstants.START_ELEMENT && !start(reader)) {
          break;
        }
      }
      if (root == null) {
        throw new XMLStreamException("no root element");
      }
      return new PackageFacts(root, status, documentId, from, to, statusCode, responseForOrganId,
          responseForDocumentId);
    }

    /** False when the header is over. */
    private boolean start(XMLStreamReader reader) throws XMLStreamException {
      String name = reader.getLocalName();
      String parent = open.peek();
      if (root == null) {
        root = name;
        status = STATUS_HEADERS.contains(name);
      }
      if (PAST_HEADER.contains(name)) {
        return false;
      }
      if (STATUS_HEADERS.contains(name) && "edXMLHeader".equals(parent)) {
        status = true;
      }
      switch (name) {
        case "OrganId" -> organId(parent, text(reader));
        case "DocumentId" -> documentId(parent, text(reader));
        case "StatusCode" -> statusCode = statusCode != null ? statusCode : text(reader);
        default -> open.push(name);
      }
      return true;
    }

    private void organId(String parent, String value) {
      if ("From".equals(parent) && from == null) {
        from = value;
      } else if ("To".equals(parent) && value != null) {
        to.add(value);
      } else if ("ResponseFor".equals(parent) && responseForOrganId == null) {
        responseForOrganId = value;
      }
    }

    private void documentId(String parent, String value) {
      if (HEADERS.contains(parent) && documentId == null) {
        documentId = value;
      } else if ("ResponseFor".equals(parent) && responseForDocumentId == null) {
        responseForDocumentId = value;
      }
    }

    /** The element's own text, trimmed, null when blank; reads up to its end, whatever it holds. */
    private static String text(XMLStreamReader reader) throws XMLStreamException {
      StringBuilder text = new StringBuilder();
      int depth = 1;
      while (depth > 0) {
        switch (reader.next()) {
          case XMLStreamConstants.START_ELEMENT -> depth++;
          case XMLStreamConstants.END_ELEMENT -> depth--;
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (depth == 1 && text.length() < MAX_TEXT) {
              text.append(reader.getText());
            }
          }
          default -> {
            // comments, processing instructions
          }
        }
      }
      String value = text.toString().strip();
      return value.isEmpty() ? null : value;
    }
  }
}
