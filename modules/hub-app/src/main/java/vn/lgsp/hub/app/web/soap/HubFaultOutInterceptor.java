package vn.lgsp.hub.app.web.soap;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.interceptors.WebFaultOutInterceptor;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import vn.lgsp.hub.app.security.SecurityEvents;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

/**
 * Makes every fault of one of the hub's SOAP endpoints a {@code HubFault}, including those CXF raises itself before
 * the endpoint is reached (a body that is not XML, not a SOAP 1.1 envelope, an unknown operation, an element that
 * does not unmarshal): their text, which may quote the request or name the hub's internals, is replaced by a fixed
 * sentence and a {@code hubFault} detail with {@code request.malformed_xml} (the caller's fault) or
 * {@code hub.internal_error}; a {@link HubException} one of the hub's own interceptors throws keeps its code and
 * message. The fault code is {@code soap:Client} for the caller's faults (a 4xx over REST),
 * {@code soap:Server} otherwise. No stack trace is ever added: {@link HubSoapEndpoints} also turns off
 * {@code faultStackTraceEnabled} and {@code exceptionMessageCauseEnabled}, and any detail CXF wrote is dropped.
 *
 * <p>It runs in the fault chain after {@link WebFaultOutInterceptor}, which writes a declared fault's detail.
 */
public final class HubFaultOutInterceptor extends AbstractSoapInterceptor {

    private static final Logger log = LoggerFactory.getLogger(HubFaultOutInterceptor.class);

    private final HubFaults<?, ?> faults;
    private final String path;
    private final String unreadableMessage;
    private final SecurityEvents events;

    /**
     * @param path              the endpoint's path, for the log
     * @param unreadableMessage the faultstring of a request CXF cannot read, naming what the endpoint expects
     */
    public HubFaultOutInterceptor(HubFaults<?, ?> faults, String path, String unreadableMessage,
                                  SecurityEvents events) {
        super(Phase.PRE_PROTOCOL);
        addAfter(WebFaultOutInterceptor.class.getName());
        this.faults = faults;
        this.path = path;
        this.unreadableMessage = unreadableMessage;
        this.events = events;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exception e = message.getContent(Exception.class);
        Fault fault = e instanceof Fault f ? f : new Fault(e);
        message.setContent(Exception.class, fault);

        String code = faults.faultType().isInstance(fault.getCause()) ? faults.codeIn(fault.getDetail()) : null;
        if (code == null) {
            ErrorCode error;
            String text;
            if (fault.getCause() instanceof HubException refusal) {
                // refused by one of the hub's own interceptors (UnsupportedCharset): its code and fixed text
                error = refusal.errorCode();
                text = refusal.getMessage();
                log.info("SOAP request to {} refused: {}", path, error.code());
            } else {
                boolean callers = isCallers(fault.getFaultCode());
                error = callers ? ErrorCode.MALFORMED_XML : ErrorCode.INTERNAL;
                text = callers ? unreadableMessage : HubFaults.INTERNAL_MESSAGE;
                if (callers) {
                    log.info("SOAP request to {} refused as unreadable ({})", path, kinds(fault));
                } else {
                    log.warn("SOAP request to {} failed in CXF ({})", path, kinds(fault));
                }
            }
            fault.setMessage(text);
            Element detail = fault.getOrCreateDetail();
            while (detail.getFirstChild() != null) {
                detail.removeChild(detail.getFirstChild());
            }
            detail.appendChild(faults.detail(detail.getOwnerDocument(), error, text, List.of()));
            code = error.code();
        }
        if (ErrorCode.FORBIDDEN.code().equals(code)
                && message.get(AbstractHTTPDestination.HTTP_REQUEST) instanceof HttpServletRequest request) {
            // a SOAP operation refused its caller: a security event, as a 403 over REST is
            events.accessDenied(request, "not allowed to call this SOAP operation");
        }
        fault.setFaultCode(HubFaults.callersFault(code) ? message.getVersion().getSender()
                : message.getVersion().getReceiver());
    }

    /** soap:Client (1.1), soap:Sender (1.2), a version mismatch, or CXF's own client code. */
    private static boolean isCallers(QName faultCode) {
        if (faultCode == null) {
            return false;
        }
        String local = faultCode.getLocalPart();
        return "client".equalsIgnoreCase(local) || "Sender".equals(local) || "VersionMismatch".equals(local)
                || "MustUnderstand".equals(local);
    }

    /** The exception classes of a failure, never their messages, which may quote the request. */
    static String kinds(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable x = t; x != null && sb.length() < 300; x = x.getCause() == x ? null : x.getCause()) {
            sb.append(sb.length() == 0 ? "" : " < ").append(x.getClass().getSimpleName());
        }
        return sb.toString();
    }

    /**
     * Replaces CXF's own logging of a fault (a warning with the fault's text and a stack trace): the endpoint and
     * {@link HubFaultOutInterceptor} log each fault once, without request content.
     */
    static final class QuietFaultListener implements FaultListener {

        @Override
        public boolean faultOccurred(Exception exception, String description, Message message) {
            log.debug("SOAP fault in CXF: {}", kinds(exception));
            return false;
        }
    }
}
