package vn.lgsp.hub.app.delivery;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.springframework.stereotype.Component;

/**
 * Calls a connector route for a delivery attempt and hands back its failure as it is: a connector's
 * {@link vn.lgsp.hub.core.error.UpstreamException}, not Camel's wrapper, so that the engine sees whether to retry.
 */
@Component
public class ConnectorCall {

    private final ProducerTemplate producer;
    private final CamelContext camel;

    public ConnectorCall(ProducerTemplate producer, CamelContext camel) {
        this.producer = producer;
        this.camel = camel;
    }

    public void send(String uri, Object body, Map<String, Object> headers) throws Exception {
        Exchange call = new DefaultExchange(camel);
        call.getIn().setBody(body);
        call.getIn().getHeaders().putAll(headers);
        producer.send(uri, call);
        if (call.getException() != null) {
            throw call.getException();
        }
    }
}
