package vn.lgsp.hub.core.service;

import java.util.List;
import java.util.Objects;

/**
 * A service the hub offers to its clients, as the service catalogue ({@code GET /api/v1/services}) lists it and as
 * access rights name it. Built-in flows, connector modules and route files each describe theirs the same way; the
 * hub's security opens each REST operation's path to the clients whose access right names the operation.
 *
 * @param name       the service's name, lower-case words joined by {@code -} (e.g. {@code citizens},
 *                   {@code business-registry})
 * @param title      one line for a person reading the catalogue
 * @param upstream   the code of the upstream system it reaches ({@code population}, {@code portal}, ...), or
 *                   {@code null} when it reaches none (the exchange log, the inbox)
 * @param operations what can be called
 * @param wsdl       the path of its WSDL on the hub (e.g. {@code /ws/citizens?wsdl}), or {@code null}
 */
public record ServiceDescriptor(String name, String title, String upstream, List<Operation> operations, String wsdl) {

    public ServiceDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        operations = List.copyOf(operations);
    }

    /**
     * One operation of a service.
     *
     * @param name        the operation's name within its service, e.g. {@code verify}, {@code lookup}
     * @param accessRight the access right a client needs, as client registries name it, e.g.
     *                    {@code citizens.verify}
     * @param method      the HTTP method of its REST face, or {@code null} when it has none
     * @param path        the path of its REST face as a Spring path pattern, e.g.
     *                    {@code /api/v1/business-registry/enterprises/{enterpriseCode}}, or {@code null}
     * @param soapAddress the SOAP address that offers it, e.g. {@code /ws/citizens}, or {@code null}
     */
    public record Operation(String name, String accessRight, String method, String path, String soapAddress) {

        public Operation {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(accessRight, "accessRight");
        }
    }
}
