package vn.lgsp.hub.connector.population;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import jakarta.xml.bind.UnmarshalException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import vn.lgsp.hub.connector.population.wire.bca.LoiDichVu;
import vn.lgsp.hub.connector.population.wire.bca.LoiDichVuFault;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

/**
 * A call to the population database did not succeed. Messages never contain a name, a full personal ID or any
 * part of a reply body; causes that may quote the reply (parser errors) are left off for the same reason.
 */
public class PopulationException extends HubException {

    public PopulationException(ErrorCode errorCode, String message) {
        super(errorCode, message);
    }

    public PopulationException(ErrorCode errorCode, String message, Throwable cause) {
        super(errorCode, message, cause);
    }

    static PopulationException unavailable(String message) {
        return new PopulationException(ErrorCode.POPULATION_UNAVAILABLE, message);
    }

    static PopulationException malformed(String message) {
        return new PopulationException(ErrorCode.POPULATION_MALFORMED_REPLY, message);
    }

    static PopulationException rejected(String message) {
        return new PopulationException(ErrorCode.POPULATION_REJECTED, message);
    }

    /** The database's declared refusal (LoiDichVu): its code and description are the database's, not personal data. */
    static PopulationException rejected(String operation, LoiDichVuFault fault) {
        LoiDichVu info = fault.getFaultInfo();
        String code = info == null ? null : info.getMaLoi();
        String text = info == null ? null : info.getMoTa();
        return rejected(operation + " refused by the population database: code " + code
                + (text == null ? "" : ", " + text));
    }

    /**
     * Sorts a failure of the SOAP call into the connector's three outcomes. A transport failure (timeout, refused
     * or reset connection, HTTP error) means the database may answer later; a reply that does not parse means it
     * answered something the hub cannot read; a SOAP fault of the client kind means it refused this request.
     */
    static HubException translate(String operation, Throwable failure) {
        if (failure instanceof HubException hub) {
            return hub;
        }
        LoiDichVuFault refusal = find(failure, LoiDichVuFault.class);
        if (refusal != null) {
            return rejected(operation, refusal);
        }
        if (find(failure, CallNotPermittedException.class) != null) {
            return unavailable(operation + ": circuit breaker is open, the population database is not called");
        }
        if (find(failure, TimeoutException.class) != null || find(failure, SocketTimeoutException.class) != null
                || find(failure, HttpTimeoutException.class) != null) {
            return new PopulationException(ErrorCode.POPULATION_UNAVAILABLE,
                    operation + ": no reply from the population database in time");
        }
        IOException io = find(failure, IOException.class);
        if (io != null) {
            return new PopulationException(ErrorCode.POPULATION_UNAVAILABLE,
                    operation + ": population database unreachable (" + io.getClass().getSimpleName() + ")", io);
        }
        if (find(failure, XMLStreamException.class) != null || find(failure, UnmarshalException.class) != null) {
            return malformed(operation + ": the population database's reply is not well-formed or not as agreed");
        }
        SoapFault soapFault = find(failure, SoapFault.class);
        if (soapFault != null) {
            QName code = soapFault.getFaultCode();
            String local = code == null ? "" : code.getLocalPart();
            if (local.contains("Client") || local.contains("Sender")) {
                return rejected(operation + ": the population database refused the request (SOAP fault " + local + ")");
            }
            return unavailable(operation + ": the population database answered with a server fault (" + local + ")");
        }
        Fault fault = find(failure, Fault.class);
        if (fault != null) {
            // CXF's own faults without a transport cause: a reply of the wrong content type or shape
            return malformed(operation + ": the population database's reply could not be read ("
                    + fault.getClass().getSimpleName() + ")");
        }
        return new PopulationException(ErrorCode.POPULATION_UNAVAILABLE,
                operation + ": the population database call failed (" + failure.getClass().getSimpleName() + ")",
                failure);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
