/**
 * The national business registration database's JSON, in its own (Vietnamese) field names. Read only by
 * {@link vn.lgsp.hub.connector.business.BusinessReplies}; the hub's callers see
 * {@link vn.lgsp.hub.connector.business.Enterprise}.
 */
package vn.lgsp.hub.connector.business.wire;
