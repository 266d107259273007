package vn.lgsp.hub.simulators.population;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import vn.lgsp.hub.simulators.SimulatorTransformer;

/**
 * {@code GET /ws/population?wsdl}: the connector's WSDL, its {@code soap:address} pointing at this simulator. Its
 * state is the WSDL text, read once; only the address is filled in per request, as the client reached us.
 */
final class PopulationWsdlTransformer extends SimulatorTransformer<String> {

  static final String NAME = "lgsp-population-wsdl";
  static final String RESOURCE = "population.wsdl";
  static final String DECLARED_ADDRESS = "http://127.0.0.1:18082/ws/population";

  PopulationWsdlTransformer() {
    super(NAME, load());
  }

  @Override
  protected ResponseDefinition answer(LoggedRequest request) {
    URI requested = URI.create(request.getAbsoluteUrl());
    String address = requested.getScheme() + "://" + requested.getRawAuthority() + PopulationSimulator.SERVICE_PATH;
    return PopulationReplies.wsdl(state.replace(DECLARED_ADDRESS, PopulationReplies.escape(address)));
  }

  private static String load() {
    try (InputStream in = PopulationWsdlTransformer.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
