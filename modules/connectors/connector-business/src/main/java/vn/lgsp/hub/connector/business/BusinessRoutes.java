package vn.lgsp.hub.connector.business;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lgsp.hub.core.error.UpstreamException;
import vn.lgsp.hub.core.error.ValidationException;

/**
 * The business registration connector's Camel face, the target of {@code hub-routes/business.yaml}. {@link #LOOKUP}
 * takes the enterprise code in header {@link #KEY} (the path parameter the route template passes on), checks it
 * before any call ({@link EnterpriseCode}), calls {@code GET <url>/dkdn/v1/enterprises/<code>} with the hub's API key
 * and replaces the body with the {@link Enterprise}. Failures propagate as {@link BusinessException}
 * ({@code upstream.*} codes, see {@link BusinessReplies}) or {@link ValidationException}; the route template logs,
 * counts and answers them, and its circuit breaker guards the call. Nothing here logs a body: the reply names the
 * legal representative.
 */
public class BusinessRoutes extends RouteBuilder {

    public static final String LOOKUP = "direct:business-lookup";
    public static final String LOOKUP_ROUTE_ID = "business-lookup";
    /** The header holding the code: the name of the path parameter in {@code hub-routes/business.yaml}. */
    public static final String KEY = EnterpriseCode.FIELD;
    /** Where the code is sent, below {@code url}. */
    public static final String RECORDS_PATH = "/dkdn/v1/enterprises";
    public static final String API_KEY_HEADER = "X-Api-Key";

    static final String CALL = "direct:business-lookup-call";
    static final String CALL_ROUTE_ID = "business-lookup-call";
    private static final String HTTP_CLIENT_CONFIGURER = "business-http-client";
    private static final String KEY_PROPERTY = "hub.business.key";
    private static final String STARTED_PROPERTY = "hub.business.started";
    private static final Logger LOG = LoggerFactory.getLogger(BusinessRoutes.class);

    private final BusinessProperties properties;
    private final BusinessReplies replies;
    private final BusinessCallStatus status;

    public BusinessRoutes(BusinessProperties properties, BusinessReplies replies, BusinessCallStatus status) {
        this.properties = properties;
        this.replies = replies;
        this.status = status;
    }

    @Override
    public void configure() {
        // failures go back to the route template as they are, so that it alone logs, counts and answers them
        errorHandler(noErrorHandler());
        // the route template decides about retries (and its breaker about calls at all): the HTTP client's own
        // silent retry of a GET after a 503 or a broken connection would double the load on a failing system
        getContext().getRegistry().bind(HTTP_CLIENT_CONFIGURER,
                (HttpClientConfigurer) HttpClientBuilder::disableAutomaticRetries);

        from(LOOKUP).routeId(LOOKUP_ROUTE_ID)
                .process(this::checkKey)
                // the call works on a copy of the exchange: the caller's headers (its Authorization among them)
                // never reach the system, and the system's reply headers never reach the caller
                .enrich(CALL, keepReplyOrFailure(), true);

        from(CALL).routeId(CALL_ROUTE_ID)
                .removeHeaders("*")
                .setBody(constant(null))
                .process(this::prepareCall)
                .doTry()
                    .to(endpointUri())
                .doCatch(Exception.class)
                    .process(exchange -> fail(exchange,
                            replies.unreachable(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class))))
                .end()
                .process(this::readReply);
    }

    /** The code is checked here so that a malformed one never costs a call (nor counts against the breaker). */
    private void checkKey(Exchange exchange) {
        EnterpriseCode code = EnterpriseCode.parse(exchange.getMessage().getHeader(KEY, String.class));
        exchange.setProperty(KEY_PROPERTY, code.value());
    }

    private void prepareCall(Exchange exchange) {
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, exchange.getProperty(KEY_PROPERTY, String.class));
        exchange.getMessage().setHeader("Accept", "application/json");
        if (properties.getApiKey() != null && !properties.getApiKey().isBlank()) {
            exchange.getMessage().setHeader(API_KEY_HEADER, properties.getApiKey().trim());
        }
        exchange.setProperty(STARTED_PROPERTY, System.nanoTime());
    }

    private void readReply(Exchange exchange) {
        int code = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        byte[] body = exchange.getMessage().getBody(byte[].class);
        try {
            exchange.getMessage().setBody(replies.read(code, body, exchange.getProperty(KEY_PROPERTY, String.class)));
            status.record(null);
            LOG.debug("business lookup answered HTTP {} in {} ms", code, elapsedMillis(exchange));
        } catch (UpstreamException e) {
            fail(exchange, e);
        }
    }

    private void fail(Exchange exchange, UpstreamException failure) {
        status.record(failure);
        LOG.debug("business lookup failed after {} ms: {}", elapsedMillis(exchange), failure.errorCode().code());
        throw failure;
    }

    private static long elapsedMillis(Exchange exchange) {
        Long started = exchange.getProperty(STARTED_PROPERTY, Long.class);
        return started == null ? -1 : (System.nanoTime() - started) / 1_000_000;
    }

    /** The system's reply for the caller, or the failure; nothing else of the copy comes back. */
    private static AggregationStrategy keepReplyOrFailure() {
        return (original, reply) -> {
            if (reply.getException() != null) {
                original.setException(reply.getException());
            } else {
                original.getMessage().setBody(reply.getMessage().getBody());
            }
            return original;
        };
    }

    /** camel-http, with the connector's timeouts (milliseconds) and every HTTP status handed to {@link #readReply}. */
    private String endpointUri() {
        String base = properties.getUrl().endsWith("/")
                ? properties.getUrl().substring(0, properties.getUrl().length() - 1) : properties.getUrl();
        return base + RECORDS_PATH + "?throwExceptionOnFailure=false&followRedirects=false"
                + "&connectTimeout=" + properties.getConnectTimeout().toMillis()
                + "&connectionRequestTimeout=" + properties.getConnectTimeout().toMillis()
                + "&responseTimeout=" + properties.getReadTimeout().toMillis()
                + "&soTimeout=" + properties.getReadTimeout().toMillis()
                + "&httpClientConfigurer=#" + HTTP_CLIENT_CONFIGURER;
    }
}
