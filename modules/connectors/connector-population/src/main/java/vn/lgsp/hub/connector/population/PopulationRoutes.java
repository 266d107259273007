package vn.lgsp.hub.connector.population;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lgsp.hub.connector.population.wire.bca.DanCuPortType;
import vn.lgsp.hub.connector.population.wire.bca.LoiDichVuFault;
import vn.lgsp.hub.connector.population.wire.dancu.CongdanCollection;
import vn.lgsp.hub.connector.population.wire.dancu.KetQuaXacThucResponse;

/**
 * The population connector's Camel face. Both routes take a {@link PopulationRequest} body and answer with a
 * {@link VerificationResult} ({@link #VERIFY}) or a {@link LookupResult} ({@link #LOOKUP}). Each call runs inside
 * its operation's circuit breaker with a time limit. A failure propagates as a
 * {@link vn.lgsp.hub.core.error.HubException}:
 * <ul>
 *   <li>{@code population.unavailable}: timeout, connection failure, HTTP or SOAP server error, or an open breaker
 *       (then at once, without calling the database);</li>
 *   <li>{@code population.rejected}: the database's declared refusal (LoiDichVu fault) or a SOAP client fault;
 *       a declared refusal is an answer, so it does not count against the breaker;</li>
 *   <li>{@code population.malformed_reply}: a reply that does not parse or lacks the verification verdict.</li>
 * </ul>
 * Nothing is cached and nothing of the request or reply is logged beyond the masked ID.
 */
public class PopulationRoutes extends RouteBuilder {

    /** Verifies a citizen's details (XacThucThongTinCongDan). */
    public static final String VERIFY = "direct:population-verify";
    /** Looks a citizen up (TraCuuThongTinCongDan). */
    public static final String LOOKUP = "direct:population-lookup";

    public static final String VERIFY_ROUTE_ID = "population-verify";
    public static final String LOOKUP_ROUTE_ID = "population-lookup";

    static final String VERIFY_OPERATION = "XacThucThongTinCongDan";
    static final String LOOKUP_OPERATION = "TraCuuThongTinCongDan";
    static final String NAMESPACE = "http://dancuquocgia.bca";

    private static final Logger LOG = LoggerFactory.getLogger(PopulationRoutes.class);
    private static final String REQUEST = "populationRequest";
    private static final String POOL = "populationCallPool";

    private final PopulationProperties properties;
    private final PopulationMapper mapper;
    private final PopulationCircuitBreakers breakers;

    public PopulationRoutes(PopulationProperties properties, PopulationMapper mapper,
            PopulationCircuitBreakers breakers) {
        this.properties = properties;
        this.mapper = mapper;
        this.breakers = breakers;
    }

    @Override
    public void configure() {
        // failures go back to the caller as they are; the calling flow logs and audits them once
        errorHandler(noErrorHandler());

        // the time limiter runs the call on another thread; a pool of our own keeps slow calls off the common pool
        ExecutorService pool = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "population-call");
        getCamelContext().getRegistry().bind(POOL, pool);

        operationRoute(VERIFY, VERIFY_ROUTE_ID, VERIFY_OPERATION, properties.getVerify(), breakers.verify(),
                (reply, m) -> m.toVerification((KetQuaXacThucResponse) reply), KetQuaXacThucResponse.class);
        operationRoute(LOOKUP, LOOKUP_ROUTE_ID, LOOKUP_OPERATION, properties.getLookup(), breakers.lookup(),
                (reply, m) -> m.toLookup((CongdanCollection) reply), CongdanCollection.class);
    }

    private void operationRoute(String from, String routeId, String operation, PopulationProperties.Operation settings,
            CircuitBreaker breaker,
            BiFunction<Object, PopulationMapper, Object> toResult, Class<?> replyType) {
        String breakerName = routeId + "-circuit-breaker";
        getCamelContext().getRegistry().bind(breakerName, breaker);
        String configurerName = routeId + "-cxf-configurer";
        getCamelContext().getRegistry().bind(configurerName, new PopulationCxfConfigurer(settings.getTimeout()));

        String cxf = "cxf://" + properties.getAddress()
                + "?serviceClass=" + DanCuPortType.class.getName()
                + "&dataFormat=POJO"
                + "&defaultOperationName=" + operation
                + "&defaultOperationNamespace=" + NAMESPACE
                + "&loggingFeatureEnabled=false"
                // on the time limiter's thread: asynchronously, CXF hands each reply to a thread of its own work
                // queue, one more thread switch per call on a machine of two cores
                + "&synchronous=true"
                + "&cxfConfigurer=#" + configurerName;

        from(from).routeId(routeId)
                .process(exchange -> prepare(exchange, operation))
                .doTry()
                    .circuitBreaker()
                        .resilience4jConfiguration()
                            .circuitBreaker(breakerName)
                            .timeoutEnabled(true)
                            .timeoutDuration(Math.toIntExact(settings.getTimeout().toMillis()))
                            .timeoutExecutorService(POOL)
                        .end()
                        .doTry()
                            .to(cxf)
                        .doCatch(LoiDichVuFault.class)
                            // a refusal is an answer: the database is up, so the breaker must see a success
                            .process(exchange -> exchange.getMessage().setBody(
                                    exchange.getProperty(Exchange.EXCEPTION_CAUGHT, LoiDichVuFault.class)))
                        .end()
                    .end()
                    .process(exchange -> complete(exchange, operation, replyType, toResult))
                .endDoTry()
                .doCatch(Exception.class)
                    .process(exchange -> fail(exchange, operation))
                .end();
    }

    private void prepare(Exchange exchange, String operation) throws Exception {
        Message in = exchange.getMessage();
        PopulationRequest request = in.getMandatoryBody(PopulationRequest.class);
        exchange.setProperty(REQUEST, request);
        in.setHeader(CxfConstants.OPERATION_NAME, operation);
        in.setHeader(CxfConstants.OPERATION_NAMESPACE, NAMESPACE);
        in.setBody(mapper.toWire(request));
    }

    private void complete(Exchange exchange, String operation, Class<?> replyType,
            BiFunction<Object, PopulationMapper, Object> toResult) {
        Message out = exchange.getMessage();
        out.removeHeader(CxfConstants.OPERATION_NAME);
        out.removeHeader(CxfConstants.OPERATION_NAMESPACE);
        if (Boolean.TRUE.equals(exchange.getProperty(ExchangePropertyKey.CIRCUIT_BREAKER_RESPONSE_SHORT_CIRCUITED,
                Boolean.class))) {
            throw PopulationException.unavailable(
                    operation + ": circuit breaker is open, the population database is not called");
        }
        Object body = out.getBody();
        if (body instanceof List<?> list) {
            body = list.isEmpty() ? null : list.get(0);
        }
        if (body instanceof LoiDichVuFault refusal) {
            throw PopulationException.rejected(operation, refusal);
        }
        if (body != null && !replyType.isInstance(body)) {
            throw PopulationException.malformed(operation + ": unexpected reply type " + body.getClass().getSimpleName());
        }
        Object result = toResult.apply(body, mapper);
        out.setBody(result);
        LOG.debug("{} {} for {}: answered", operation, request(exchange).requestId(), request(exchange).personalId());
    }

    private void fail(Exchange exchange, String operation) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Message out = exchange.getMessage();
        out.removeHeader(CxfConstants.OPERATION_NAME);
        out.removeHeader(CxfConstants.OPERATION_NAMESPACE);
        // the caller gets its own request back, not the wire form
        out.setBody(exchange.getProperty(REQUEST));
        var failure = PopulationException.translate(operation, caught);
        PopulationRequest request = request(exchange);
        LOG.debug("{} {} for {}: {}", operation, request == null ? null : request.requestId(),
                request == null ? null : request.personalId(), failure.errorCode().code());
        throw failure;
    }

    private static PopulationRequest request(Exchange exchange) {
        return exchange.getProperty(REQUEST, PopulationRequest.class);
    }
}
