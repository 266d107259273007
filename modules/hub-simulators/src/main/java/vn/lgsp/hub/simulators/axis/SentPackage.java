package vn.lgsp.hub.simulators.axis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * One package the hub sent through {@code POST /vxp/edoc/send}, in arrival order; a repeated idempotency key is not
 * in the list again. Everything but {@code body} is what {@code GET /__admin/axis/sent} lists.
 *
 * @param docId          the axis document id issued for it
 * @param idempotencyKey the call's {@code X-Idempotency-Key}, or null
 * @param from           the {@code from} header
 * @param to             the recipients: every {@code To/OrganId}, else the {@code ResponseFor/OrganId} of a status
 * @param messagetype    the {@code messagetype} header, {@code edoc} or {@code status}
 * @param documentId     the package's {@code DocumentId}, or null
 * @param statusCode     the package's {@code StatusCode} (status packages), or null
 * @param responseFor    the package's first {@code ResponseFor/DocumentId}, or null
 * @param bytes          the size of the body
 * @param correlationId  the call's {@code X-Correlation-Id}, or null
 * @param receivedAt     when it arrived
 * @param body           the package as sent
 */
public record SentPackage(String docId, String idempotencyKey, String from, List<String> to, String messagetype,
    String documentId, String statusCode, String responseFor, int bytes, String correlationId, Instant receivedAt,
    byte[] body) {

  public SentPackage {
    to = List.copyOf(to);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body as text, for a test to look into; packages are UTF-8 in practice. */
  public String xml() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
