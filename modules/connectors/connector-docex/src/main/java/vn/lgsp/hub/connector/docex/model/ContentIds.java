package vn.lgsp.hub.connector.docex.model;

/** Content ids as MIME writes them ({@code <id>}) and as edXML writes them ({@code id}) compare equal. */
public final class ContentIds {

    private ContentIds() {
    }

    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String id = raw.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1).strip();
        }
        return id.isEmpty() ? null : id;
    }
}
