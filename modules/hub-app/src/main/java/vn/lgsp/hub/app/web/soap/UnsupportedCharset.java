package vn.lgsp.hub.app.web.soap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.cxf.helpers.HttpHeaderHelper;
import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

/**
 * A SOAP request whose {@code Content-Type} names a charset Java does not know ({@code text/xml; charset=X-NOPE}) is
 * refused with a SOAP fault {@code request.unsupported_media_type}, as REST refuses it with a 415.
 *
 * <p>CXF cannot do this itself: it checks the charset while it sets up the message, before any interceptor runs, and
 * throws an {@code IOException} that leaves its servlet as a bare HTTP 500. So {@link Filter}, in front of the CXF
 * servlet, marks such a request and hands CXF a charset it accepts, and {@link Interceptor}, the first of the
 * endpoint's in-chain, refuses the marked request before a byte of its body is read; {@link HubFaultOutInterceptor}
 * writes the fault in the endpoint's own {@code hubFault} form.
 */
public final class UnsupportedCharset {

    static final String MESSAGE = "The charset of the Content-Type is not supported; send the envelope as"
            + " text/xml; charset=UTF-8";
    private static final String MARK = UnsupportedCharset.class.getName();
    private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=[^;]*", Pattern.CASE_INSENSITIVE);

    private UnsupportedCharset() {
    }

    /** Marks a request with an unknown charset and hides that charset from CXF. */
    public static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // CXF's own test (AbstractHTTPDestination.setEncoding): the Content-Type's charset first, as sent (the
            // request's encoding is UTF-8 by now: Spring Boot's CharacterEncodingFilter forces it), a trailing quote
            // trimmed
            String charset = HttpHeaderHelper.findCharset(request.getContentType());
            if (charset == null) {
                charset = request.getCharacterEncoding();
            }
            if (charset == null || HttpHeaderHelper.mapCharset(charset.endsWith("\"")
                    ? charset.substring(0, charset.length() - 1) : charset) != null) {
                chain.doFilter(request, response);
                return;
            }
            request.setAttribute(MARK, Boolean.TRUE);
            chain.doFilter(new HttpServletRequestWrapper(request) {
                @Override
                public String getCharacterEncoding() {
                    return StandardCharsets.UTF_8.name();
                }

                @Override
                public String getContentType() {
                    String type = super.getContentType();
                    return type == null ? null : CHARSET.matcher(type).replaceAll("");
                }
            }, response);
        }
    }

    /** Refuses a request {@link Filter} marked, first thing in the in-chain. */
    public static final class Interceptor extends AbstractPhaseInterceptor<Message> {

        public Interceptor() {
            super(Phase.RECEIVE);
            addBefore(AttachmentInInterceptor.class.getName());
        }

        @Override
        public void handleMessage(Message message) {
            if (message.get(AbstractHTTPDestination.HTTP_REQUEST) instanceof HttpServletRequest request
                    && request.getAttribute(MARK) != null) {
                Fault fault = new Fault(new HubException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, MESSAGE));
                fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
                throw fault;
            }
        }
    }
}
