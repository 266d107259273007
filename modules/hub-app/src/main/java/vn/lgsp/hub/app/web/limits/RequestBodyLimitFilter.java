package vn.lgsp.hub.app.web.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.cxf.jaxws.EndpointImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UrlPathHelper;
import vn.lgsp.hub.app.web.Problems;
import vn.lgsp.hub.connector.docex.DocexProperties;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.ids.Masking;

/**
 * Bounds the request body per endpoint before anything reads it: right after the correlation id, before
 * authentication, Spring MVC or CXF.
 * <ul>
 *   <li>A declared length ({@code Content-Length}) over the limit is refused at once, not a byte of the body read.
 *   Tomcat then reads and drops the rest, up to {@code server.tomcat.max-swallow-size}, so that the client gets the
 *   answer instead of a reset connection.</li>
 *   <li>A body without a length (chunked) is read through a counting stream that fails once it passes the limit;
 *   whatever the endpoint made of that failure is dropped and the same 413 answered.</li>
 * </ul>
 * REST paths are answered with a problem document, SOAP paths ({@code /ws/*}) with a SOAP 1.1 fault whose
 * {@code hubFault} detail is in the endpoint's namespace, as every fault of the hub (HTTP 500, {@code soap:Client}).
 *
 * <p>Limits: {@code hub.limits.body.paths} (first match), else {@code hub.limits.body.default}. The document
 * endpoints are bound by {@code hub.connector.docex.max-package-size} instead and answer {@code document.too_large},
 * as the edXML reader does: {@code /api/v1/documents} and {@code /api/v1/documents/status} are only checked by their
 * declared length here, since the reader already counts a streamed package against the same limit;
 * {@code /ws/documents} carries the package inside a SOAP message, base64 or MTOM, which CXF reads before the
 * reader sees it, so it is counted here, with room for base64 (4/3) and the envelope (64KB).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    static final String SOAP_PREFIX = "/ws/";
    private static final Logger log = LoggerFactory.getLogger(RequestBodyLimitFilter.class);
    private static final long ENVELOPE_ALLOWANCE = DataSize.ofKilobytes(64).toBytes();
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    /** A limit, the code it is refused with, and whether the filter counts a body without a declared length. */
    record Rule(String pattern, long limit, ErrorCode code, boolean counted) {
    }

    private final List<Rule> rules;
    private final long defaultLimit;
    private final AntPathMatcher matcher = new AntPathMatcher();
    private final ObjectMapper json;
    private final ObjectProvider<EndpointImpl> soapEndpoints;
    private final ObjectProvider<MeterRegistry> meters;

    public RequestBodyLimitFilter(LimitsProperties limits, ObjectProvider<DocexProperties> docex, ObjectMapper json,
                                  ObjectProvider<EndpointImpl> soapEndpoints, ObjectProvider<MeterRegistry> meters) {
        long packageSize = docex.getIfAvailable(() -> new DocexProperties(null, null, null, null, null, null, null,
                null, null, null, null, null, null, null)).maxPackageSize().toBytes();
        List<Rule> r = new ArrayList<>();
        r.add(new Rule("/api/v1/documents", packageSize, ErrorCode.DOCUMENT_TOO_LARGE, false));
        r.add(new Rule("/api/v1/documents/status", packageSize, ErrorCode.DOCUMENT_TOO_LARGE, false));
        r.add(new Rule("/ws/documents", packageSize / 3 * 4 + 4 + ENVELOPE_ALLOWANCE, ErrorCode.DOCUMENT_TOO_LARGE,
                true));
        for (LimitsProperties.PathLimit p : limits.body().paths()) {
            r.add(new Rule(p.pattern(), p.maxSize().toBytes(), ErrorCode.PAYLOAD_TOO_LARGE, true));
        }
        this.rules = List.copyOf(r);
        this.defaultLimit = limits.body().defaultSize().toBytes();
        this.json = json;
        this.soapEndpoints = soapEndpoints;
        this.meters = meters;
    }

    Rule rule(String path) {
        for (Rule r : rules) {
            if (matcher.match(r.pattern(), path)) {
                return r;
            }
        }
        return new Rule("/**", defaultLimit, ErrorCode.PAYLOAD_TOO_LARGE, true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = PATHS.getPathWithinApplication(request);
        Rule rule = rule(path);
        long declared = request.getContentLengthLong();
        if (declared > rule.limit()) {
            refuse(request, response, path, rule, "The request body is " + declared + " bytes; at most "
                    + rule.limit() + " are accepted here");
            return;
        }
        // without a length, an HTTP/1.1 body is chunked; a request without either has no body to count
        if (declared >= 0 || !rule.counted() || request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
            chain.doFilter(request, response);
            return;
        }
        CountingRequest counting = new CountingRequest(request, rule.limit());
        DiscardingResponse discarding = new DiscardingResponse(response, counting::exceeded);
        try {
            chain.doFilter(counting, discarding);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!counting.exceeded() && !RequestBodyTooLargeException.in(e)) {
                throw e;
            }
        }
        if (counting.exceeded()) {
            refuse(request, response, path, rule, "The request body is larger than " + rule.limit()
                    + " bytes, the most accepted here");
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String path, Rule rule,
                        String detail) throws IOException {
        log.info("Request body refused: {} {} over its limit of {} bytes ({})", request.getMethod(),
                Masking.maskIdsInText(path),
                rule.limit(), rule.code().code());
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            registry.counter(InFlightLimitFilter.REFUSED_METRIC, "code", rule.code().code()).increment();
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        String namespace = path.startsWith(SOAP_PREFIX) ? soapNamespace(path) : null;
        if (namespace == null) {
            Problems.write(response, json, rule.code(), detail);
        } else {
            writeFault(response, namespace, rule.code(), detail);
        }
    }

    /** The target namespace of the SOAP endpoint at {@code path}, whose {@code hubFault} the fault carries. */
    private String soapNamespace(String path) {
        String address = path.substring(SOAP_PREFIX.length() - 1);
        return soapEndpoints.orderedStream()
                .filter(e -> address.equals(e.getAddress()) && e.getServiceName() != null)
                .map(e -> e.getServiceName().getNamespaceURI())
                .findFirst().orElse(null);
    }

    /** The fault {@code HubFaultOutInterceptor} makes of a caller's error: soap:Client, hubFault detail, HTTP 500. */
    static void writeFault(HttpServletResponse response, String namespace, ErrorCode code, String message)
            throws IOException {
        String text = HtmlUtils.htmlEscape(message, StandardCharsets.UTF_8.name());
        String xml = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<soap:Fault><faultcode>soap:Client</faultcode><faultstring>" + text + "</faultstring><detail>"
                + "<hubFault xmlns=\"" + HtmlUtils.htmlEscape(namespace, StandardCharsets.UTF_8.name()) + "\">"
                + "<code>" + code.code() + "</code><message>" + text + "</message></hubFault>"
                + "</detail></soap:Fault></soap:Body></soap:Envelope>";
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType("text/xml;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
