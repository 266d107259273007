package vn.lgsp.hub.app.ops;

import vn.lgsp.hub.app.support.HubClient;

/** Calls as the demo operator. */
final class Operator {

    private final HubClient hub;

    Operator(HubClient hub) {
        this.hub = hub;
    }

    HubClient.Reply get(String path) {
        return hub.get(path, HubClient.OPERATOR_KEY);
    }

    HubClient.Reply post(String path, String json) {
        return hub.post(path, HubClient.OPERATOR_KEY, "application/json", json);
    }
}
