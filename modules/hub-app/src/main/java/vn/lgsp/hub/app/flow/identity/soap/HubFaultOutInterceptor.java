package vn.lgsp.hub.app.flow.identity.soap;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.interceptors.WebFaultOutInterceptor;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.lgsp.hub.app.ws.citizens.HubFault;
import vn.lgsp.hub.app.ws.citizens.HubFaultDetail;
import vn.lgsp.hub.app.ws.citizens.ObjectFactory;
import vn.lgsp.hub.core.error.ErrorCode;

/**
 * Makes every fault of {@code /ws/citizens} a {@code HubFault}, including those CXF raises itself before the
 * endpoint is reached (a body that is not XML, not a SOAP 1.1 envelope, an unknown operation, an element that does
 * not unmarshal): their text, which may quote the request or name the hub's internals, is replaced by a fixed
 * sentence and a {@code hubFault} detail with {@code request.invalid_field} (the caller's fault) or
 * {@code hub.internal_error}. The fault code is {@code soap:Client} for the caller's faults (a 4xx over REST),
 * {@code soap:Server} otherwise. No stack trace is ever added: the endpoint also turns off
 * {@code faultStackTraceEnabled} and {@code exceptionMessageCauseEnabled}, and any detail CXF wrote is dropped.
 *
 * <p>It runs in the fault chain after {@link WebFaultOutInterceptor}, which writes a declared fault's detail.
 */
final class HubFaultOutInterceptor extends AbstractSoapInterceptor {

    static final String UNREADABLE_MESSAGE = "The request is not a SOAP 1.1 envelope holding a verify or lookup"
            + " element of namespace " + CitizenSoapConfiguration.NAMESPACE + " as /ws/citizens?wsdl describes";

    private static final Logger log = LoggerFactory.getLogger(HubFaultOutInterceptor.class);
    private static final QName HUB_FAULT = new QName(CitizenSoapConfiguration.NAMESPACE, "hubFault");

    private final JAXBContext jaxb;
    private final ObjectFactory factory = new ObjectFactory();

    HubFaultOutInterceptor() {
        super(Phase.PRE_PROTOCOL);
        addAfter(WebFaultOutInterceptor.class.getName());
        try {
            jaxb = JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("The generated citizens types do not make a JAXB context", e);
        }
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exception e = message.getContent(Exception.class);
        Fault fault = e instanceof Fault f ? f : new Fault(e);
        message.setContent(Exception.class, fault);

        String code;
        if (fault.getCause() instanceof HubFault hub && hub.getFaultInfo() != null && hasHubFaultDetail(fault)) {
            code = hub.getFaultInfo().getCode();
        } else {
            boolean callers = isCallers(fault.getFaultCode());
            ErrorCode error = callers ? ErrorCode.MALFORMED_XML : ErrorCode.INTERNAL;
            String text = callers ? UNREADABLE_MESSAGE : SoapFaults.INTERNAL_MESSAGE;
            if (callers) {
                log.info("SOAP request to /ws/citizens refused as unreadable ({})", kinds(fault));
            } else {
                log.warn("SOAP request to /ws/citizens failed in CXF ({})", kinds(fault));
            }
            fault.setMessage(text);
            replaceDetail(fault, SoapFaults.detail(error, text, List.of()));
            code = error.code();
        }
        fault.setFaultCode(SoapFaults.callersFault(code) ? message.getVersion().getSender()
                : message.getVersion().getReceiver());
    }

    private static boolean hasHubFaultDetail(Fault fault) {
        Element detail = fault.getDetail();
        if (detail == null) {
            return false;
        }
        for (Node n = detail.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && HUB_FAULT.getLocalPart().equals(el.getLocalName())
                    && HUB_FAULT.getNamespaceURI().equals(el.getNamespaceURI())) {
                return true;
            }
        }
        return false;
    }

    private void replaceDetail(Fault fault, HubFaultDetail hubFault) {
        Element detail = fault.getOrCreateDetail();
        while (detail.getFirstChild() != null) {
            detail.removeChild(detail.getFirstChild());
        }
        try {
            jaxb.createMarshaller().marshal(factory.createHubFault(hubFault), detail);
        } catch (JAXBException e) {
            log.warn("Could not write the hubFault detail ({})", e.getClass().getSimpleName());
        }
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
    private static String kinds(Throwable t) {
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
