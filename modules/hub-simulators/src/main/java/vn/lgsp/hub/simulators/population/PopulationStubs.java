package vn.lgsp.hub.simulators.population;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;

/**
 * Registers the SOAP endpoint and its WSDL. A mappings-loader extension, like the portal's, so that WireMock's
 * {@code POST /__admin/reset} puts them back; priority 10 lets a stub added over {@code /__admin/mappings} win.
 */
final class PopulationStubs implements MappingsLoaderExtension {

  static final String NAME = "lgsp-population-stubs";
  static final int PRIORITY = 10;

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public void loadMappingsInto(StubMappings stubMappings) {
    stubMappings.addMapping(post(urlPathEqualTo(PopulationSimulator.SERVICE_PATH))
        .withName("population: XacThucThongTinCongDan / TraCuuThongTinCongDan")
        .atPriority(PRIORITY)
        .willReturn(aResponse().withTransformers(PopulationSoapTransformer.NAME))
        .build());
    stubMappings.addMapping(get(urlMatching(PopulationSimulator.SERVICE_PATH + "\\?(?i:wsdl)(=.*)?"))
        .withName("population: WSDL")
        .atPriority(PRIORITY)
        .willReturn(aResponse().withTransformers(PopulationWsdlTransformer.NAME))
        .build());
  }
}
