package vn.lgsp.hub.connector.population;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Settings of the national population database (CSDLQG dân cư) connector, under {@code hub.connector.population}.
 *
 * <p>Each operation has its own timeout and circuit breaker, so that a slow lookup does not cut off verification.
 * There is deliberately no cache setting: citizen data is not cached, because the law wants every use of it to
 * carry its own purpose (DOMAIN.md §4.2).
 */
@ConfigurationProperties(prefix = "hub.connector.population")
public class PopulationProperties {

    /** Whether the population connector (SOAP client, routes, circuit breakers) is switched on. */
    private boolean enabled = true;

    /** SOAP endpoint address of the population database, as the provincial LGSP exposes it. */
    private String address = "http://127.0.0.1:18082/ws/population";

    /** Integration code sent as MaTichHop; its meaning is not documented upstream, so it defaults to empty. */
    private String integrationCode = "";

    /** Timeout and circuit breaker of XacThucThongTinCongDan (verify a citizen's details). */
    @NestedConfigurationProperty
    private Operation verify = new Operation();

    /** Timeout and circuit breaker of TraCuuThongTinCongDan (look a citizen up). */
    @NestedConfigurationProperty
    private Operation lookup = new Operation();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getIntegrationCode() {
        return integrationCode;
    }

    public void setIntegrationCode(String integrationCode) {
        this.integrationCode = integrationCode;
    }

    public Operation getVerify() {
        return verify;
    }

    public void setVerify(Operation verify) {
        this.verify = verify;
    }

    public Operation getLookup() {
        return lookup;
    }

    public void setLookup(Operation lookup) {
        this.lookup = lookup;
    }

    /** Timeout and circuit-breaker settings of one upstream operation. */
    public static class Operation {

        /** How long a whole call may take (connect, send, reply); a slower call fails as population.unavailable. */
        private Duration timeout = Duration.ofSeconds(5);

        /** Failure rate, in percent of the calls in the sliding window, at or above which the breaker opens. */
        private int failureRateThreshold = 50;

        /** How many calls the breaker must have seen before it judges the failure rate. */
        private int minimumCalls = 5;

        /** How many of the latest calls the failure rate is computed over. */
        private int slidingWindowSize = 10;

        /** How long the open breaker refuses calls before it lets trial calls through (half-open). */
        private Duration waitInOpenState = Duration.ofSeconds(30);

        /** How many trial calls the half-open breaker lets through; their outcome closes or reopens it. */
        private int permittedCallsInHalfOpenState = 2;

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public int getFailureRateThreshold() {
            return failureRateThreshold;
        }

        public void setFailureRateThreshold(int failureRateThreshold) {
            this.failureRateThreshold = failureRateThreshold;
        }

        public int getMinimumCalls() {
            return minimumCalls;
        }

        public void setMinimumCalls(int minimumCalls) {
            this.minimumCalls = minimumCalls;
        }

        public int getSlidingWindowSize() {
            return slidingWindowSize;
        }

        public void setSlidingWindowSize(int slidingWindowSize) {
            this.slidingWindowSize = slidingWindowSize;
        }

        public Duration getWaitInOpenState() {
            return waitInOpenState;
        }

        public void setWaitInOpenState(Duration waitInOpenState) {
            this.waitInOpenState = waitInOpenState;
        }

        public int getPermittedCallsInHalfOpenState() {
            return permittedCallsInHalfOpenState;
        }

        public void setPermittedCallsInHalfOpenState(int permittedCallsInHalfOpenState) {
            this.permittedCallsInHalfOpenState = permittedCallsInHalfOpenState;
        }
    }
}
