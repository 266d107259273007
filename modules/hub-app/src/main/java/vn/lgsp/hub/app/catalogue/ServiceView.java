package vn.lgsp.hub.app.catalogue;

import java.util.List;
import vn.lgsp.hub.core.service.ServiceDescriptor;

/**
 * A service as {@code GET /api/v1/services} shows it to one caller: only the operations the caller may use.
 *
 * @param openApi the OpenAPI document that describes its REST operations, or absent when it has none
 * @param wsdl    its WSDL on the hub, or absent when none of the caller's operations is offered over SOAP
 * @param state   the current state of what it reaches ({@link ServiceStates})
 */
public record ServiceView(String name, String title, String upstream, ServiceStates.State state,
                          List<ServiceDescriptor.Operation> operations, String openApi, String wsdl) {
}
