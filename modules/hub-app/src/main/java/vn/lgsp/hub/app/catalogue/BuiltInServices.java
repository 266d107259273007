package vn.lgsp.hub.app.catalogue;

import static vn.lgsp.hub.app.security.HubServices.CITIZENS_LOOKUP;
import static vn.lgsp.hub.app.security.HubServices.CITIZENS_VERIFY;
import static vn.lgsp.hub.app.security.HubServices.DOCUMENTS_INBOX;
import static vn.lgsp.hub.app.security.HubServices.DOCUMENTS_SEND;
import static vn.lgsp.hub.app.security.HubServices.DOSSIER_EVENTS;
import static vn.lgsp.hub.app.security.HubServices.EXCHANGES_READ;
import static vn.lgsp.hub.app.security.HubServices.INTAKE_SUBMIT;

import java.util.List;
import vn.lgsp.hub.core.service.ServiceDescriptor;
import vn.lgsp.hub.core.service.ServiceDescriptor.Operation;

/**
 * The services of the hub's own flows, as the catalogue lists them. Their REST paths keep their explicit rules in
 * {@code SecurityConfiguration} (some need more than the access right: an agency, the operator role), so this list
 * describes them and must follow the controllers and SOAP endpoints when they change; {@code CatalogueIT} checks that
 * every path here is in the OpenAPI document springdoc makes from the controllers.
 */
public final class BuiltInServices {

    static final String CITIZENS_WSDL = "/ws/citizens?wsdl";
    static final String DOCUMENTS_WSDL = "/ws/documents?wsdl";

    public static final List<ServiceDescriptor> ALL = List.of(
            new ServiceDescriptor("dossiers", "Dossier status changes from the one-stop-shop, delivered in order to "
                    + "the national public-service portal", "portal", List.of(
                    new Operation("events", DOSSIER_EVENTS, "POST", "/api/v1/dossiers/events", null)), null),
            new ServiceDescriptor("intake", "Dossiers submitted on the national portal, identity-checked and delivered "
                    + "to the one-stop-shop", "onestop", List.of(
                    new Operation("submit", INTAKE_SUBMIT, "POST", "/api/v1/intake/dossiers", null)), null),
            new ServiceDescriptor("citizens", "Citizen identity verification and lookup in the national population "
                    + "database", "population", List.of(
                    new Operation("verify", CITIZENS_VERIFY, "POST", "/api/v1/citizens/verify", "/ws/citizens"),
                    new Operation("lookup", CITIZENS_LOOKUP, "POST", "/api/v1/citizens/lookup", "/ws/citizens")),
                    CITIZENS_WSDL),
            new ServiceDescriptor("documents", "edXML document exchange between agencies and with the national "
                    + "document axis", "docex", List.of(
                    new Operation("send", DOCUMENTS_SEND, "POST", "/api/v1/documents", "/ws/documents"),
                    new Operation("send-status", DOCUMENTS_SEND, "POST", "/api/v1/documents/status", "/ws/documents"),
                    new Operation("inbox-list", DOCUMENTS_INBOX, "GET", "/api/v1/documents/inbox/{agencyCode}", null),
                    new Operation("inbox-fetch", DOCUMENTS_INBOX, "GET",
                            "/api/v1/documents/inbox/{agencyCode}/{exchangeId}", null),
                    new Operation("inbox-ack", DOCUMENTS_INBOX, "POST",
                            "/api/v1/documents/inbox/{agencyCode}/{exchangeId}/ack", null)),
                    DOCUMENTS_WSDL),
            new ServiceDescriptor("exchanges", "The state and history of the client's own exchanges", null, List.of(
                    new Operation("read", EXCHANGES_READ, "GET", "/api/v1/exchanges/{exchangeId}", null)), null));

    private BuiltInServices() {
    }
}
