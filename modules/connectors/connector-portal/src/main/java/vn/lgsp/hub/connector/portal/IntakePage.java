package vn.lgsp.hub.connector.portal;

import java.util.List;

/**
 * One answer of the intake listing, in the portal's order.
 *
 * @param items the dossiers listed; items whose code or update time could not be read are left out (and logged)
 * @param more  whether the portal filled the page, so that more may be waiting after the last item
 */
public record IntakePage(List<IntakeItem> items, boolean more) {

    public IntakePage {
        items = List.copyOf(items);
    }

    /** The cursor after the last item, or {@code null} for an empty page. */
    public IntakeCursor lastCursor() {
        return items.isEmpty() ? null : items.get(items.size() - 1).cursor();
    }
}
