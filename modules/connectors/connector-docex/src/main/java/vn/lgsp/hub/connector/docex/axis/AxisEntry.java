package vn.lgsp.hub.connector.docex.axis;

import java.time.OffsetDateTime;

/**
 * One package waiting on the axis for one recipient agency (a package for two local agencies is two entries).
 *
 * @param docId       the axis' id of the package
 * @param seq         the axis' sequence number; a poll asks for entries after the highest it has seen
 * @param from        the sender's OrganId
 * @param to          the recipient's OrganId, the one to fetch and acknowledge for
 * @param messageType document or status package
 * @param created     when the axis received it; {@code null} when the axis did not say or said it in no ISO-8601
 *                    form
 */
public record AxisEntry(String docId, long seq, String from, String to, MessageType messageType,
                        OffsetDateTime created) {
}
