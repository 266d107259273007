package vn.lgsp.hub.connector.population;

import java.io.IOException;
import java.time.Duration;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the CXF client the operation's timeout too. The circuit breaker's time limiter answers the caller on time;
 * this ends the abandoned HTTP exchange soon after, instead of CXF's default of a minute.
 * No logging feature is added, and CXF's own warning on a failed call is replaced by a line without the fault's
 * text: request and reply bodies carry personal data, and CXF quotes a part of an unexpected reply in that text.
 */
class PopulationCxfConfigurer implements CxfConfigurer {

    private static final long RECEIVE_GRACE_MILLIS = 1000;
    /** CXF's contextual property that selects the HttpURLConnection conduit instead of the JDK HttpClient one. */
    static final String FORCE_URLCONNECTION = "force.urlconnection.http.conduit";

    private final Duration timeout;

    PopulationCxfConfigurer(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void configure(AbstractWSDLBasedEndpointFactory factoryBean) {
        // nothing to change on the factory
    }

    @Override
    public void configureClient(Client client) {
        // CXF's default conduit (the JDK HttpClient) completes each call through CompletableFuture's default async
        // executor, which on a machine with fewer than three cores starts a new thread per task; with HTTP/2 upgrade
        // attempts on plain http on top, that was most of the connector's cost per call (docs/BENCHMARKS.md,
        // "Profiling the identity path"). The HttpURLConnection conduit makes the call on the calling thread
        // with HTTP/1.1 keep-alive, which is all a SOAP request-reply needs.
        client.getEndpoint().put(FORCE_URLCONNECTION, Boolean.TRUE);
        client.getEndpoint().put(FaultListener.class.getName(), new QuietFaultListener());
        client.getInInterceptors().add(new HttpErrorInterceptor());
        if (client.getConduit() instanceof HTTPConduit http) {
            HTTPClientPolicy policy = http.getClient() == null ? new HTTPClientPolicy() : http.getClient();
            policy.setConnectionTimeout(timeout.toMillis());
            // a little longer than the time limiter, which should be the one to answer the caller
            policy.setReceiveTimeout(timeout.toMillis() + RECEIVE_GRACE_MILLIS);
            http.setClient(policy);
        }
    }

    @Override
    public void configureServer(Server server) {
        // the connector is a client only
    }

    /** Logs only the kind of fault; the connector turns the fault itself into a stable error code. */
    static final class QuietFaultListener implements FaultListener {

        private static final Logger LOG = LoggerFactory.getLogger(PopulationCxfConfigurer.class);

        @Override
        public boolean faultOccurred(Exception exception, String description, Message message) {
            LOG.debug("population call failed in CXF: {}", exception.getClass().getName());
            return false;
        }
    }

    /**
     * An HTTP error status with a body that is not XML (a proxy's or gateway's error page) means the database was
     * not reached; without this, CXF reports it as an unreadable reply.
     */
    static final class HttpErrorInterceptor extends AbstractPhaseInterceptor<Message> {

        HttpErrorInterceptor() {
            super(Phase.RECEIVE);
        }

        @Override
        public void handleMessage(Message message) {
            Object code = message.get(Message.RESPONSE_CODE);
            Object contentType = message.get(Message.CONTENT_TYPE);
            boolean xml = contentType != null && contentType.toString().toLowerCase().contains("xml");
            if (code instanceof Integer status && status >= 400 && !xml) {
                throw new Fault(new HttpStatusException(status));
            }
        }
    }

    /** The HTTP status of a reply that carried no SOAP message. */
    static final class HttpStatusException extends IOException {

        HttpStatusException(int status) {
            super("HTTP " + status + " without a SOAP reply");
        }
    }
}
