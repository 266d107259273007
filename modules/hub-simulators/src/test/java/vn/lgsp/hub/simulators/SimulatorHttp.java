package vn.lgsp.hub.simulators;

import com.github.tomakehurst.wiremock.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP to one simulator, for its admin API and its JSON endpoints; the simulators' own test clients build on
 * it. HTTP/1.1, as the hub's clients use, so that socket-level faults surface the same way as they would in the hub.
 */
public class SimulatorHttp {

  protected static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final String baseUrl;

  public SimulatorHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The body as the simulators' JSON replies are read: objects become maps. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> json(HttpResponse<String> response) {
    return Json.read(response.body(), Map.class);
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(requestTo(path, TIMEOUT).GET());
  }

  public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return post(path, json, Map.of());
  }

  public HttpResponse<String> post(String path, String json, Map<String, String> headers)
      throws IOException, InterruptedException {
    return post(path, json, headers, TIMEOUT);
  }

  public HttpResponse<String> post(String path, String json, Map<String, String> headers, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = requestTo(path, timeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return send(request);
  }

  /** {@code body} as {@code application/xml}; a publisher from a stream sends it chunked, never held whole here. */
  public HttpResponse<String> postXml(String path, HttpRequest.BodyPublisher body, Map<String, String> headers)
      throws IOException, InterruptedException {
    return postXml(path, body, headers, TIMEOUT);
  }

  public HttpResponse<String> postXml(String path, HttpRequest.BodyPublisher body, Map<String, String> headers,
      Duration timeout) throws IOException, InterruptedException {
    HttpRequest.Builder request = requestTo(path, timeout).header("Content-Type", "application/xml").POST(body);
    headers.forEach(request::header);
    return send(request);
  }

  /** A request to {@code path} on the simulator, for a client to add its headers and body to. */
  protected HttpRequest.Builder requestTo(String path, Duration timeout) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
  }

  /** Replies are read as UTF-8, which is what every simulator writes. */
  protected HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
