package vn.lgsp.hub.simulators.population;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Posts SOAP envelopes the way the hub's CXF client does, for the tests. */
final class PopulationClient {

  static final String KNOWN_ID = "038095123456";
  static final String UNKNOWN_ID = "038099999999";
  static final String DANCU = "http://www.mic.gov.vn/dancu/1.0";

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final String baseUrl;

  PopulationClient(String baseUrl) {
    this.baseUrl = baseUrl;
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
    return post(request(operation, personalId), "\"http://dancuquocgia.bca/" + operation + "\"", Duration.ofSeconds(10));
  }

  HttpResponse<String> post(String envelope, String soapAction, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + PopulationSimulator.SERVICE_PATH))
        .timeout(timeout)
        .header("Content-Type", "text/xml; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
    if (soapAction != null) {
      request.header("SOAPAction", soapAction);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> postAdmin(String path, String json) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
