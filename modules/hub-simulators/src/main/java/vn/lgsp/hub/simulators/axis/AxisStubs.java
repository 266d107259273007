package vn.lgsp.hub.simulators.axis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;

/**
 * One stub for everything under {@code /vxp}, which the transformer dispatches; a mappings-loader extension, like the
 * other simulators', so that WireMock's {@code POST /__admin/reset} puts it back, at priority 10 so that a stub added
 * over {@code /__admin/mappings} wins.
 */
final class AxisStubs implements MappingsLoaderExtension {

  @Override
  public String getName() {
    return "lgsp-axis-stubs";
  }

  @Override
  public void loadMappingsInto(StubMappings stubMappings) {
    stubMappings.addMapping(any(urlPathMatching(AxisSimulator.ROOT_PATH + "/.*"))
        .withName("axis: send, received, fetch, status, agencies")
        .atPriority(10)
        .willReturn(aResponse().withTransformers(AxisTransformer.NAME))
        .build());
  }
}
