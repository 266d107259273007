package vn.lgsp.hub.simulators.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lgsp.hub.simulators.portal.PortalClient.sync;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.common.JsonException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PortalFaultsTest extends LoggedInPortalTest {

  @ParameterizedTest
  @CsvSource({"HTTP_500, 500", "HTTP_503, 503"})
  void httpErrorStatusesAreReturned(PortalFault fault, int status) throws Exception {
    simulator.injectFault(fault, 2);

    assertThat(client.api(session, "ev-1", sync("H56-0001", 2)).statusCode()).isEqualTo(status);
    assertThat(client.api(session, "ev-1", sync("H56-0001", 2)).statusCode()).isEqualTo(status);
    HttpResponse<String> third = client.api(session, "ev-1", sync("H56-0001", 2));

    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(client.errorCode(third)).isEqualTo("0");
    assertThat(simulator.received()).hasSize(1);
    assertThat(simulator.callCount()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(value = PortalFault.class, names = {"CONNECTION_RESET", "EMPTY_REPLY"})
  void socketFaultsSurfaceAsIOExceptionAtTheClient(PortalFault fault) throws Exception {
    simulator.injectFault(fault, 1);

    assertThatThrownBy(() -> client.api(session, "ev-1", sync("H56-0001", 2))).isInstanceOf(IOException.class);

    assertThat(simulator.received()).isEmpty();
    assertThat(simulator.callCount()).isEqualTo(1);
    assertThat(client.errorCode(client.api(session, "ev-1", sync("H56-0001", 2)))).isEqualTo("0");
    assertThat(simulator.received()).hasSize(1);
  }

  @Test
  void malformedReplyIsHttp200WithABodyThatIsNotJson() throws Exception {
    simulator.injectFault(PortalFault.MALFORMED_REPLY, 1);

    HttpResponse<String> response = client.api(session, "ev-1", sync("H56-0001", 2));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
    assertThatThrownBy(() -> Json.read(response.body(), Map.class)).isInstanceOf(JsonException.class);
    assertThat(simulator.received()).isEmpty();
  }

  @Test
  void delayedReplyIsLateButTheDataIsProcessed() throws Exception {
    simulator.injectDelay(Duration.ofMillis(400), 1);

    long start = System.nanoTime();
    HttpResponse<String> slow = client.api(session, "ev-1", sync("H56-0001", 2));
    Duration slowTook = Duration.ofNanos(System.nanoTime() - start);

    assertThat(slowTook).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    assertThat(client.errorCode(slow)).isEqualTo("0");
    assertThat(simulator.received()).hasSize(1);
    // only one call was delayed; read from WireMock's journal rather than timed, to stay stable on a busy machine
    client.api(session, "ev-2", sync("H56-0002", 2));
    assertThat(simulator.wireMock().getAllServeEvents())
        .filteredOn(event -> event.getRequest().getUrl().equals(PortalSimulator.API_PATH))
        .extracting(event -> event.getResponseDefinition().getFixedDelayMilliseconds())
        .containsExactly(null, 400); // newest first
  }

  @Test
  void aClientThatTimesOutAndRetriesGetsADuplicateNotASecondRecord() throws Exception {
    simulator.injectDelay(Duration.ofSeconds(2), 1);

    assertThatThrownBy(() -> client.api(session, "ev-1", sync("H56-0001", 2), Duration.ofMillis(200)))
        .isInstanceOf(HttpTimeoutException.class);
    HttpResponse<String> retry = client.api(session, "ev-1", sync("H56-0001", 2));

    assertThat(PortalClient.json(retry)).containsEntry("error_code", "0").containsEntry("duplicate", true);
    assertThat(simulator.received()).hasSize(1);
    assertThat(simulator.duplicateCount()).isEqualTo(1);
  }

  @Test
  void faultsTakePrecedenceOverAnInvalidSession() throws Exception {
    simulator.injectFault(PortalFault.HTTP_503, 1);

    assertThat(client.api("no-such-session", "ev-1", sync("H56-0001", 2)).statusCode()).isEqualTo(503);
    assertThat(client.errorCode(client.api("no-such-session", "ev-1", sync("H56-0001", 2)))).isEqualTo("-2");
  }

  @Test
  void injectionsApplyInTheOrderTheyWereAdded() throws Exception {
    simulator.injectFault(PortalFault.HTTP_503, 1);
    simulator.rejectNext(1);
    simulator.injectFault(PortalFault.HTTP_500, 1);

    assertThat(client.api(session, "ev-1", sync("H56-0001", 2)).statusCode()).isEqualTo(503);
    assertThat(client.errorCode(client.api(session, "ev-1", sync("H56-0001", 2)))).isEqualTo("-1");
    assertThat(client.api(session, "ev-1", sync("H56-0001", 2)).statusCode()).isEqualTo(500);
    assertThat(client.errorCode(client.api(session, "ev-1", sync("H56-0001", 2)))).isEqualTo("0");
    assertThat(simulator.received()).hasSize(1);
    assertThat(simulator.callCount()).isEqualTo(4);
  }

  @Test
  void loginIsNotAffectedByApiFaults() throws Exception {
    simulator.injectFault(PortalFault.CONNECTION_RESET, 1);

    assertThat(client.login()).isNotBlank();
    assertThat(simulator.callCount()).isZero();
  }

  @Test
  void nonsensicalInjectionsAreRefused() {
    assertThatThrownBy(() -> simulator.injectFault(PortalFault.HTTP_500, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> simulator.injectDelay(Duration.ofMillis(-1), 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> simulator.rejectNext(-3)).isInstanceOf(IllegalArgumentException.class);
  }
}
