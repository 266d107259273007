package vn.lgsp.hub.simulators.agency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One package a provincial agency accepted on {@code POST /agencies/{organId}/documents}, in arrival order; a repeated
 * idempotency key is not in the list again. Everything but {@code body} is what {@code GET /__admin/agencies/received}
 * lists.
 *
 * @param organId        the agency it was pushed to (the path's code)
 * @param idempotencyKey the call's {@code X-Idempotency-Key}, or null
 * @param documentId     the package's {@code DocumentId}, or null
 * @param messagetype    {@code status} when the package's header is a {@code Status}/{@code MessageStatus}, else
 *                       {@code edoc}
 * @param statusCode     the package's {@code StatusCode} (status packages), or null
 * @param responseFor    the package's first {@code ResponseFor/DocumentId}, or null
 * @param bytes          the size of the body
 * @param correlationId  the call's {@code X-Correlation-Id}, or null
 * @param receivedAt     when it arrived
 * @param body           the package as pushed
 */
public record PushedDocument(String organId, String idempotencyKey, String documentId, String messagetype,
    String statusCode, String responseFor, int bytes, String correlationId, Instant receivedAt, byte[] body) {

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body as text, for a test to look into; packages are UTF-8 in practice. */
  public String xml() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
