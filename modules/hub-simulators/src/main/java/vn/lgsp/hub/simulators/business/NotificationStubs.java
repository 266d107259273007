package vn.lgsp.hub.simulators.business;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;

/**
 * {@code POST /dkdn/v1/notifications}: the registry takes a province's licence decision about an enterprise (the
 * target of {@code config/routes/business-notifications.yaml}). With an {@code X-Api-Key} it answers 202
 * {@code {"maLoi": "0"}}; without one, 401 in the lookup's words. It keeps what it took in WireMock's journal only,
 * and takes a repeated {@code X-Idempotency-Key} again with the same answer, as a registry that recognises a retry
 * would. A mappings-loader extension, so that {@code POST /__admin/reset} puts it back.
 */
final class NotificationStubs implements MappingsLoaderExtension {

  @Override
  public String getName() {
    return "lgsp-business-notification-stubs";
  }

  @Override
  public void loadMappingsInto(StubMappings stubMappings) {
    stubMappings.addMapping(post(urlPathEqualTo(BusinessSimulator.NOTIFICATIONS_PATH))
        .withName("business: take a notification")
        .atPriority(10)
        .withHeader(BusinessSimulator.API_KEY_HEADER, matching(".*\\S.*"))
        .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
            .withBody("{\"maLoi\":\"0\",\"thongBao\":\"Đã tiếp nhận thông báo\"}"))
        .build());
    stubMappings.addMapping(post(urlPathEqualTo(BusinessSimulator.NOTIFICATIONS_PATH))
        .withName("business: a notification without a key")
        .atPriority(11)
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody("{\"maLoi\":\"KHONG_XAC_THUC\",\"thongBao\":\"Thiếu hoặc sai khóa truy cập\"}"))
        .build());
  }
}
