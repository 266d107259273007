package vn.lgsp.hub.app.flow.identity.soap;

import java.util.HashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.servlet.CXFServlet;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub's SOAP endpoints under {@code /ws/*}: CXF's servlet (CXF's Spring Boot starter, which the population
 * connector brings, would put it under {@code /services}) and {@code /ws/citizens}, published with the hub's own
 * WSDL, which {@code /ws/citizens?wsdl} serves. The Spring Security filter chain runs before the servlet:
 * {@code /ws/**} needs an API key like every REST path.
 */
@Configuration(proxyBeanMethods = false)
public class CitizenSoapConfiguration {

    public static final String NAMESPACE = "urn:lgsp-hub:citizens:v1";
    public static final String SERVICE_NAME = "CitizenIdentitySoapService";
    public static final String PORT_NAME = "CitizenIdentityPort";
    public static final String WSDL = "classpath:wsdl/citizens.wsdl";
    /** Under the CXF servlet's {@code /ws}. */
    public static final String ADDRESS = "/citizens";

    /**
     * Replaces the CXF starter's registration (same bean name) so that the servlet answers under {@code /ws}; its
     * list of services is hidden.
     */
    @Bean
    ServletRegistrationBean<CXFServlet> cxfServletRegistration() {
        ServletRegistrationBean<CXFServlet> registration = new ServletRegistrationBean<>(new CXFServlet(), "/ws/*");
        registration.setName("hubSoap");
        registration.setLoadOnStartup(1);
        registration.addInitParameter("hide-service-list-page", "true");
        return registration;
    }

    @Bean(destroyMethod = "stop")
    EndpointImpl citizensSoapEndpoint(Bus bus, CitizenSoapEndpoint implementor) {
        EndpointImpl endpoint = new EndpointImpl(bus, implementor);
        endpoint.setWsdlLocation(WSDL);
        endpoint.setServiceName(new QName(NAMESPACE, SERVICE_NAME));
        endpoint.setEndpointName(new QName(NAMESPACE, PORT_NAME));
        Map<String, Object> properties = new HashMap<>();
        // CXF's defaults, made explicit: a fault never carries a stack trace or the text of its cause
        properties.put(Message.FAULT_STACKTRACE_ENABLED, Boolean.FALSE);
        properties.put(Message.EXCEPTION_MESSAGE_CAUSE_ENABLED, Boolean.FALSE);
        properties.put(FaultListener.class.getName(), new HubFaultOutInterceptor.QuietFaultListener());
        endpoint.setProperties(properties);
        endpoint.getOutFaultInterceptors().add(new HubFaultOutInterceptor());
        endpoint.publish(ADDRESS);
        return endpoint;
    }
}
