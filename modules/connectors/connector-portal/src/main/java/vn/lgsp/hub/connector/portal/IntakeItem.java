package vn.lgsp.hub.connector.portal;

import vn.lgsp.hub.core.model.IntakeDossier;

/**
 * One entry of an intake page.
 *
 * @param cursor     the cursor just past this entry; the next fetch after the last entry starts here
 * @param dossier    the dossier in the canonical model, or {@code null} when it could not be mapped
 * @param unreadable when the dossier could not be mapped: a short reason, naming the field but never its value;
 *                   {@code null} otherwise
 */
public record IntakeItem(IntakeCursor cursor, IntakeDossier dossier, String unreadable) {
}
