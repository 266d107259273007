package vn.lgsp.hub.simulators.lookup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a {@link LookupSimulator} answers: {@code GET <pathPrefix>/<key>} with an API key header, a record by its key
 * as a JSON object, and errors as a JSON object of the system's own words.
 *
 * @param code            the simulator's name: admin routes live under {@code /__admin/<code>}, logs under it too
 * @param pathPrefix      the path before the key, e.g. {@code /dkdn/v1/enterprises}, without a trailing slash
 * @param apiKeyHeader    the header that must carry a non-empty key; null when the system asks for none
 * @param keyPattern      what a well-formed key looks like; a malformed key is answered 400
 * @param records         the records by key, in the order an admin lists them
 * @param errorCodeField  the error object's code field, e.g. {@code maLoi}
 * @param messageField    the error object's message field, e.g. {@code thongBao}
 * @param words           the codes and messages of the system's errors
 */
public record LookupContract(String code, String pathPrefix, String apiKeyHeader, Pattern keyPattern,
    Map<String, Map<String, Object>> records, String errorCodeField, String messageField, ErrorWords words) {

  public LookupContract {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(pathPrefix, "pathPrefix");
    Objects.requireNonNull(keyPattern, "keyPattern");
    records = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(records));
    Objects.requireNonNull(errorCodeField, "errorCodeField");
    Objects.requireNonNull(messageField, "messageField");
    Objects.requireNonNull(words, "words");
  }

  /**
   * The codes (and messages) of the system's error replies.
   *
   * @param unauthenticated 401, no API key
   * @param notFound        404, no record with the key
   * @param invalidKey      400, a key that is not of the system's form
   * @param rejected        the refusal of an injected {@code REJECT} (HTTP 422)
   */
  public record ErrorWords(Word unauthenticated, Word notFound, Word invalidKey, Word rejected) {
  }

  /** One error's code and message. */
  public record Word(String code, String message) {
  }

  /** The error object {@code {<errorCodeField>: code, <messageField>: message}}. */
  Map<String, Object> error(Word word) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(errorCodeField, word.code());
    if (word.message() != null) {
      body.put(messageField, word.message());
    }
    return body;
  }
}
