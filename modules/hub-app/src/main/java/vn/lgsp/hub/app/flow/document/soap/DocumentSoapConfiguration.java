package vn.lgsp.hub.app.flow.document.soap;

import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.lgsp.hub.app.web.soap.HubFaults;
import vn.lgsp.hub.app.security.SecurityEvents;
import vn.lgsp.hub.app.web.soap.HubSoapEndpoints;
import vn.lgsp.hub.app.ws.documents.HubFault;
import vn.lgsp.hub.app.ws.documents.HubFaultDetail;

/**
 * {@code /ws/documents}, on the same CXF bus and servlet as {@code /ws/citizens} ({@link HubSoapEndpoints}),
 * published with the hub's own WSDL, which {@code /ws/documents?wsdl} serves.
 */
@Configuration(proxyBeanMethods = false)
public class DocumentSoapConfiguration {

    public static final String NAMESPACE = "urn:lgsp-hub:documents:v1";
    public static final String SERVICE_NAME = "DocumentExchangeSoapService";
    public static final String PORT_NAME = "DocumentExchangePort";
    public static final String WSDL = "classpath:wsdl/documents.wsdl";
    /** Under the CXF servlet's {@code /ws}. */
    public static final String ADDRESS = "/documents";

    static final HubFaults<HubFault, HubFaultDetail> FAULTS = new HubFaults<>(NAMESPACE, HubFault.class,
            HubFaultDetail.class, HubFault::new);

    static final String UNREADABLE_MESSAGE = "The request is not a SOAP 1.1 envelope (MTOM or not) holding a"
            + " sendDocument or sendStatus element of namespace " + NAMESPACE + " as /ws/documents?wsdl describes";

    @Bean(destroyMethod = "stop")
    EndpointImpl documentsSoapEndpoint(Bus bus, DocumentSoapEndpoint implementor, SecurityEvents events) {
        return HubSoapEndpoints.publish(bus, implementor, events, new HubSoapEndpoints.Definition(NAMESPACE, SERVICE_NAME,
                PORT_NAME, WSDL, ADDRESS, FAULTS, UNREADABLE_MESSAGE));
    }
}
