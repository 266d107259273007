/**
 * The national portal's wire model (DVCQG adapter API, DOMAIN.md §2.2): Jackson records whose JSON names are the
 * portal's Vietnamese field names. Kept here, never in hub-core, so the canonical model stays in English.
 *
 * <p>Every scalar is a string, as OpenCPS sends them: statuses as {@code "2"}, dates as {@code yyyyMMddHHmmss},
 * and an empty string rather than a missing field when a value is unknown. Records that carry personal data
 * override {@code toString()} so that a stray log line cannot leak it.
 */
package vn.lgsp.hub.connector.portal.wire;
