package vn.lgsp.hub.simulators.population;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import vn.lgsp.hub.simulators.SimulatorHttp;

/** Posts SOAP envelopes the way the hub's CXF client does, for the tests. */
final class PopulationClient extends SimulatorHttp {

  static final String KNOWN_ID = "038095123456";
  static final String UNKNOWN_ID = "038099999999";
  static final String DANCU = "http://www.mic.gov.vn/dancu/1.0";

  PopulationClient(String baseUrl) {
    super(baseUrl);
  }

  static String request(String operation, String personalId) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
        + "<ns2:" + operation + " xmlns:ns2=\"http://dancuquocgia.bca\">"
        + "<ns2:MaYeuCau>req-0001</ns2:MaYeuCau><ns2:MaDVC>1.004616</ns2:MaDVC><ns2:MaTichHop>038</ns2:MaTichHop>"
        + "<ns2:MaCanBo>canbo01</ns2:MaCanBo><ns2:SoDinhDanh>" + personalId + "</ns2:SoDinhDanh>"
        + "<ns2:HoVaTen>Nguyễn Văn An</ns2:HoVaTen><ns2:NgayThangNamSinh>19950312</ns2:NgayThangNamSinh>"
        + "</ns2:" + operation + "></soap:Body></soap:Envelope>";
  }

  HttpResponse<String> verify(String personalId) throws IOException, InterruptedException {
    return call("XacThucThongTinCongDan", personalId);
  }

  HttpResponse<String> lookup(String personalId) throws IOException, InterruptedException {
    return call("TraCuuThongTinCongDan", personalId);
  }

  HttpResponse<String> call(String operation, String personalId) throws IOException, InterruptedException {
    return post(request(operation, personalId), "\"http://dancuquocgia.bca/" + operation + "\"", TIMEOUT);
  }

  HttpResponse<String> post(String envelope, String soapAction, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = requestTo(PopulationSimulator.SERVICE_PATH, timeout)
        .header("Content-Type", "text/xml; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
    if (soapAction != null) {
      request.header("SOAPAction", soapAction);
    }
    return send(request);
  }

  static Document xml(String body) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  /** Text of the first element with that local name in the dancu namespace, or null. */
  static String text(Document document, String localName) {
    NodeList nodes = document.getElementsByTagNameNS(DANCU, localName);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
  }

  static int count(Document document, String localName) {
    return document.getElementsByTagNameNS(DANCU, localName).getLength();
  }
}
