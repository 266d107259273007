package vn.lgsp.hub.simulators.population;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Duration;
import java.util.Map;

/** The database's SOAP 1.1 answers, in the shapes the hub's connector parses. */
public final class PopulationReplies {

  static final String XML = "text/xml; charset=utf-8";
  static final String DANCU = "http://www.mic.gov.vn/dancu/1.0";
  static final String BCA = "http://dancuquocgia.bca";

  private PopulationReplies() {
  }

  static ResponseDefinition verified(Map<String, Object> citizen) {
    return aResponse().withStatus(200).withHeader("Content-Type", XML).withBody(verificationEnvelope(citizen)).build();
  }

  /**
   * The whole SOAP envelope answering a verification: the citizen found ({@code null}: not found). Public for the
   * benchmarks' light stand-in, which must answer exactly as this simulator does.
   */
  public static String verificationEnvelope(Map<String, Object> citizen) {
    StringBuilder body = new StringBuilder("<dc:KetQuaXacThucResponse xmlns:dc=\"" + DANCU + "\">");
    body.append("<dc:TonTai>").append(citizen != null).append("</dc:TonTai>");
    if (citizen != null) {
      element(body, "CongDan", citizen);
    }
    return envelope(body.append("</dc:KetQuaXacThucResponse>").toString());
  }

  static ResponseDefinition lookedUp(String collectionId, Map<String, Object> citizen) {
    StringBuilder body = new StringBuilder("<dc:CongdanCollection xmlns:dc=\"" + DANCU + "\" id=\"")
        .append(escape(collectionId)).append("\">");
    if (citizen != null) {
      element(body, "CongDan", citizen);
    }
    return ok(body.append("</dc:CongdanCollection>").toString());
  }

  /** The declared fault {@code LoiDichVu}, with HTTP 500 as SOAP 1.1 requires for a fault. */
  static ResponseDefinition refusal(String code, String description) {
    return soapFault(500, "soap:Client", "Từ chối",
        "<detail><bca:LoiDichVu xmlns:bca=\"" + BCA + "\"><bca:MaLoi>" + escape(code) + "</bca:MaLoi><bca:MoTa>"
            + escape(description) + "</bca:MoTa></bca:LoiDichVu></detail>");
  }

  static ResponseDefinition fault(PopulationFault fault) {
    return switch (fault) {
      case HTTP_500 -> text(500, "Internal Server Error");
      case HTTP_503 -> text(503, "Service Unavailable");
      case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      case MALFORMED_REPLY -> aResponse()
          .withStatus(200)
          .withHeader("Content-Type", XML)
          .withBody(envelope("<dc:KetQuaXacThucResponse xmlns:dc=\"" + DANCU + "\"><dc:TonTai>tr"))
          .build();
      case SOAP_FAULT_REFUSAL -> refusal("E403", "Thủ tục không được phép tra cứu thông tin công dân");
    };
  }

  static ResponseDefinition delayed(ResponseDefinition reply, Duration delay) {
    return ResponseDefinitionBuilder.like(reply).but().withFixedDelay((int) delay.toMillis()).build();
  }

  static ResponseDefinition wsdl(String wsdl) {
    return aResponse().withStatus(200).withHeader("Content-Type", XML).withBody(wsdl).build();
  }

  static ResponseDefinition json(int status, Object body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(Json.write(body))
        .build();
  }

  static String envelope(String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<soap:Envelope xmlns:soap=\"" + SoapRequest.SOAP_11 + "\"><soap:Body>" + body + "</soap:Body></soap:Envelope>";
  }

  private static ResponseDefinition soapFault(int status, String code, String message, String detail) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", XML)
        .withBody(envelope("<soap:Fault><faultcode>" + code + "</faultcode><faultstring>" + escape(message)
            + "</faultstring>" + detail + "</soap:Fault>"))
        .build();
  }

  private static ResponseDefinition ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", XML).withBody(envelope(body)).build();
  }

  private static ResponseDefinition text(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/plain; charset=utf-8").withBody(body).build();
  }

  /** Writes a map as nested {@code dc:} elements in key order; keys starting with {@code _} are comments. */
  private static void element(StringBuilder out, String name, Object value) {
    if (name.startsWith("_") || value == null) {
      return;
    }
    out.append("<dc:").append(name).append('>');
    if (value instanceof Map<?, ?> children) {
      children.forEach((key, child) -> element(out, String.valueOf(key), child));
    } else {
      out.append(escape(String.valueOf(value)));
    }
    out.append("</dc:").append(name).append('>');
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&apos;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
