package vn.lgsp.hub.app.web.soap;

import java.util.HashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.servlet.CXFServlet;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.lgsp.hub.app.security.SecurityEvents;

/**
 * The hub's SOAP endpoints under {@code /ws/*}: CXF's servlet (CXF's Spring Boot starter, which the population
 * connector brings, would put it under {@code /services}), and {@link #publish}, which every endpoint uses to go on
 * the CXF bus with the hub's own WSDL ({@code /ws/<name>?wsdl} serves it) and the hub's fault handling. The Spring
 * Security filter chain runs before the servlet: {@code /ws/**} needs an API key like every REST path.
 */
@Configuration(proxyBeanMethods = false)
public class HubSoapEndpoints {

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

    /**
     * In front of the CXF servlet (after the security filter chain): a request with an unknown charset, which CXF
     * would answer with a bare 500, becomes a fault (see {@link UnsupportedCharset}).
     */
    @Bean
    FilterRegistrationBean<UnsupportedCharset.Filter> soapCharsetFilter() {
        FilterRegistrationBean<UnsupportedCharset.Filter> registration =
                new FilterRegistrationBean<>(new UnsupportedCharset.Filter());
        registration.addUrlPatterns("/ws/*");
        registration.setName("hubSoapCharset");
        return registration;
    }

    /** What an endpoint publishes. */
    public record Definition(String namespace, String serviceName, String portName, String wsdl, String address,
                             HubFaults<?, ?> faults, String unreadableMessage) {
    }

    /**
     * Publishes {@code implementor} at {@code /ws} + {@code address} with its WSDL; stop the endpoint when the
     * context closes ({@code destroyMethod = "stop"}).
     */
    public static EndpointImpl publish(Bus bus, Object implementor, SecurityEvents events, Definition d) {
        EndpointImpl endpoint = new EndpointImpl(bus, implementor);
        endpoint.setWsdlLocation(d.wsdl());
        endpoint.setServiceName(new QName(d.namespace(), d.serviceName()));
        endpoint.setEndpointName(new QName(d.namespace(), d.portName()));
        Map<String, Object> properties = new HashMap<>();
        // CXF's defaults, made explicit: a fault never carries a stack trace or the text of its cause
        properties.put(Message.FAULT_STACKTRACE_ENABLED, Boolean.FALSE);
        properties.put(Message.EXCEPTION_MESSAGE_CAUSE_ENABLED, Boolean.FALSE);
        properties.put(FaultListener.class.getName(), new HubFaultOutInterceptor.QuietFaultListener());
        endpoint.setProperties(properties);
        endpoint.getInInterceptors().add(new UnsupportedCharset.Interceptor());
        endpoint.getOutFaultInterceptors().add(new HubFaultOutInterceptor(d.faults(), "/ws" + d.address(),
                d.unreadableMessage(), events));
        endpoint.publish(d.address());
        return endpoint;
    }
}
