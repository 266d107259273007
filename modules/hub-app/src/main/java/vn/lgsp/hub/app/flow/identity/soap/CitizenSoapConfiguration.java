package vn.lgsp.hub.app.flow.identity.soap;

import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.lgsp.hub.app.web.soap.HubFaults;
import vn.lgsp.hub.app.security.SecurityEvents;
import vn.lgsp.hub.app.web.soap.HubSoapEndpoints;
import vn.lgsp.hub.app.ws.citizens.HubFault;
import vn.lgsp.hub.app.ws.citizens.HubFaultDetail;

/**
 * {@code /ws/citizens}, published with the hub's own WSDL, which {@code /ws/citizens?wsdl} serves (the servlet and
 * what every endpoint shares: {@link HubSoapEndpoints}).
 */
@Configuration(proxyBeanMethods = false)
public class CitizenSoapConfiguration {

    public static final String NAMESPACE = "urn:lgsp-hub:citizens:v1";
    public static final String SERVICE_NAME = "CitizenIdentitySoapService";
    public static final String PORT_NAME = "CitizenIdentityPort";
    public static final String WSDL = "classpath:wsdl/citizens.wsdl";
    /** Under the CXF servlet's {@code /ws}. */
    public static final String ADDRESS = "/citizens";

    static final HubFaults<HubFault, HubFaultDetail> FAULTS = new HubFaults<>(NAMESPACE, HubFault.class,
            HubFaultDetail.class, HubFault::new);

    static final String UNREADABLE_MESSAGE = "The request is not a SOAP 1.1 envelope holding a verify or lookup"
            + " element of namespace " + NAMESPACE + " as /ws/citizens?wsdl describes";

    @Bean(destroyMethod = "stop")
    EndpointImpl citizensSoapEndpoint(Bus bus, CitizenSoapEndpoint implementor, SecurityEvents events) {
        return HubSoapEndpoints.publish(bus, implementor, events, new HubSoapEndpoints.Definition(NAMESPACE, SERVICE_NAME,
                PORT_NAME, WSDL, ADDRESS, FAULTS, UNREADABLE_MESSAGE));
    }
}
