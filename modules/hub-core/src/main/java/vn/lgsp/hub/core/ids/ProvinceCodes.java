package vn.lgsp.hub.core.ids;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.Set;

/**
 * The province codes that open a personal ID (Appendix 1 of Thông tư 07/2016/TT-BCA), read from
 * {@code province-codes.properties} beside this class so that the table is data, not code. Numbers already issued
 * keep their code after the 2025 mergers, so the table of the 63 former provinces stays the right one.
 */
final class ProvinceCodes {

    private static final Set<String> CODES = load();

    private ProvinceCodes() {
    }

    static boolean isKnown(String code) {
        return CODES.contains(code);
    }

    private static Set<String> load() {
        Properties p = new Properties();
        try (InputStream in = ProvinceCodes.class.getResourceAsStream("province-codes.properties")) {
            if (in == null) {
                throw new IllegalStateException("province-codes.properties is missing from the classpath");
            }
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(p.stringPropertyNames());
    }
}
