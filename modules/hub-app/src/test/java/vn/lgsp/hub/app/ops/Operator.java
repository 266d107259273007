package vn.lgsp.hub.app.ops;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import vn.lgsp.hub.app.support.HubClient;

/**
 * Calls as the demo operator. The operator has the default rate limit, and these tests make many calls in a burst:
 * a call refused with 429 is made again (bounded), as a console would after {@code Retry-After}.
 */
final class Operator {

    private final HubClient hub;

    Operator(HubClient hub) {
        this.hub = hub;
    }

    HubClient.Reply get(String path) {
        return patiently(() -> hub.get(path, HubClient.OPERATOR_KEY));
    }

    HubClient.Reply post(String path, String json) {
        return patiently(() -> hub.post(path, HubClient.OPERATOR_KEY, "application/json", json));
    }

    static HubClient.Reply patiently(Supplier<HubClient.Reply> call) {
        AtomicReference<HubClient.Reply> reply = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).pollDelay(Duration.ZERO)
                .until(() -> {
                    reply.set(call.get());
                    return reply.get().status() != 429;
                });
        return reply.get();
    }
}
