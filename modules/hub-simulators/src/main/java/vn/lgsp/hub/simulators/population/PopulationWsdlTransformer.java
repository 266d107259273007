package vn.lgsp.hub.simulators.population;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** {@code GET /ws/population?wsdl}: the connector's WSDL, its {@code soap:address} pointing at this simulator. */
final class PopulationWsdlTransformer implements ResponseDefinitionTransformerV2 {

  static final String NAME = "lgsp-population-wsdl";
  static final String RESOURCE = "population.wsdl";
  static final String DECLARED_ADDRESS = "http://127.0.0.1:18082/ws/population";

  private final String wsdl;

  PopulationWsdlTransformer() {
    try (InputStream in = PopulationWsdlTransformer.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      this.wsdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    URI requested = URI.create(serveEvent.getRequest().getAbsoluteUrl());
    String address = requested.getScheme() + "://" + requested.getRawAuthority() + PopulationSimulator.SERVICE_PATH;
    return PopulationReplies.wsdl(wsdl.replace(DECLARED_ADDRESS, PopulationReplies.escape(address)));
  }
}
