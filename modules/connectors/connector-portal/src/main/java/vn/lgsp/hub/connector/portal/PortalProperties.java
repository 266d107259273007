package vn.lgsp.hub.connector.portal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.lgsp.hub.core.model.DossierEvent.ApplicantType;
import vn.lgsp.hub.core.model.DossierEvent.Channel;

/**
 * Settings of the national public-service portal (DVCQG) connector, under {@code hub.connector.portal}.
 *
 * <p>The enumeration maps are configuration because the sources disagree on the portal's codes (DOMAIN.md §2.2);
 * overriding one key keeps the defaults of the others.
 */
@ConfigurationProperties(prefix = "hub.connector.portal")
public class PortalProperties {

    /** Whether the portal connector (client, routes, health indicator) is switched on. */
    private boolean enabled = true;

    /** Base URL of the portal's adapter; a trailing slash is ignored. */
    private String baseUrl = "http://127.0.0.1:18081";

    /** Path of the login call, appended to the base URL. */
    private String authPath = "/adapter/auth";

    /** Path of the service calls (DongBoHoSoMC, CapNhatTienDoHoSoMC), appended to the base URL. */
    private String apiPath = "/adapter/api";

    /** Account the hub logs in with. */
    private String username = "hub";

    /** Password of that account; supply it from the environment, never from a committed file. */
    private String password = "";

    /** How long to wait for a TCP connection to the portal. */
    private Duration connectTimeout = Duration.ofSeconds(2);

    /** How long to wait for a whole reply; a slower reply counts as a transient failure. */
    private Duration requestTimeout = Duration.ofSeconds(10);

    /** Values of error_code that mean success (default 0 and 00); a numeric 0 in the reply reads as "0". */
    private List<String> successCodes = new ArrayList<>(List.of("0", "00"));

    /** Values of error_code that mean the session expired (default -2): the hub logs in again once and repeats. */
    private List<String> sessionExpiredCodes = new ArrayList<>(List.of("-2"));

    /** The hub's unit code on the portal (madonvi), sent with the intake listing; given by the portal's operator. */
    private String unitCode = "";

    /** Name of the portal service that lists dossiers submitted online (assumed; the real one is not published). */
    private String intakeService = "LayDanhSachHoSoTrucTuyen";

    /** Dossiers asked for per intake listing call (soLuong); a full page means more may be waiting. */
    private int intakePageSize = 100;

    /**
     * LoaiDoiTuong sent for each applicant type, and read back from the intake listing (default CITIZEN=1,
     * BUSINESS=2, HOUSEHOLD_BUSINESS=3).
     */
    private Map<ApplicantType, String> applicantTypeCodes = new EnumMap<>(Map.of(
            ApplicantType.CITIZEN, "1",
            ApplicantType.BUSINESS, "2",
            ApplicantType.HOUSEHOLD_BUSINESS, "3"));

    /** HinhThuc sent for each submission channel (default IN_PERSON=1, ONLINE=2, POSTAL=3). */
    private Map<Channel, String> channelCodes = new EnumMap<>(Map.of(
            Channel.IN_PERSON, "1",
            Channel.ONLINE, "2",
            Channel.POSTAL, "3"));

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getAuthPath() {
        return authPath;
    }

    public void setAuthPath(String authPath) {
        this.authPath = authPath;
    }

    public String getApiPath() {
        return apiPath;
    }

    public void setApiPath(String apiPath) {
        this.apiPath = apiPath;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public List<String> getSuccessCodes() {
        return successCodes;
    }

    public void setSuccessCodes(List<String> successCodes) {
        this.successCodes = successCodes;
    }

    public List<String> getSessionExpiredCodes() {
        return sessionExpiredCodes;
    }

    public void setSessionExpiredCodes(List<String> sessionExpiredCodes) {
        this.sessionExpiredCodes = sessionExpiredCodes;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }

    public String getIntakeService() {
        return intakeService;
    }

    public void setIntakeService(String intakeService) {
        this.intakeService = intakeService;
    }

    public int getIntakePageSize() {
        return intakePageSize;
    }

    public void setIntakePageSize(int intakePageSize) {
        this.intakePageSize = intakePageSize;
    }

    public Map<ApplicantType, String> getApplicantTypeCodes() {
        return applicantTypeCodes;
    }

    public void setApplicantTypeCodes(Map<ApplicantType, String> applicantTypeCodes) {
        this.applicantTypeCodes = applicantTypeCodes;
    }

    public Map<Channel, String> getChannelCodes() {
        return channelCodes;
    }

    public void setChannelCodes(Map<Channel, String> channelCodes) {
        this.channelCodes = channelCodes;
    }
}
