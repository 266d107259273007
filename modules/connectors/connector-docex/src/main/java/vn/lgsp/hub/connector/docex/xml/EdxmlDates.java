package vn.lgsp.hub.connector.docex.xml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/**
 * The date styles seen on the wire: {@code yyyy/MM/dd} (promulgation and due dates), {@code yyyy/MM/dd HH:mm:ss}
 * (trace timestamps), {@code dd/MM/yyyy HH:mm:ss} (one consumer's status timestamps) and ISO 8601. Times without an
 * offset are Vietnam local time; an ISO time with an offset is converted to it. The writer emits the first two.
 */
public final class EdxmlDates {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE_OUT = DateTimeFormatter.ofPattern("uuuu/MM/dd");
    private static final DateTimeFormatter DATE_TIME_OUT = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");
    private static final List<DateTimeFormatter> DATES = List.of(strict("uuuu/M/d"), strict("d/M/uuuu"),
            DateTimeFormatter.ISO_LOCAL_DATE);
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(strict("uuuu/M/d H:m:s"),
            strict("d/M/uuuu H:m:s"), strict("uuuu-M-d H:m:s"), DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private EdxmlDates() {
    }

    public static Optional<LocalDate> parseDate(String raw) {
        String s = raw.strip();
        return first(DATES, s, LocalDate::parse).or(() -> parseDateTime(s).map(LocalDateTime::toLocalDate));
    }

    public static Optional<LocalDateTime> parseDateTime(String raw) {
        String s = raw.strip();
        return first(DATE_TIMES, s, LocalDateTime::parse)
                .or(() -> first(List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME), s, OffsetDateTime::parse)
                        .map(t -> t.atZoneSameInstant(VIETNAM).toLocalDateTime()))
                .or(() -> first(DATES, s, LocalDate::parse).map(LocalDate::atStartOfDay));
    }

    public static String format(LocalDate date) {
        return DATE_OUT.format(date);
    }

    public static String format(LocalDateTime dateTime) {
        return DATE_TIME_OUT.format(dateTime);
    }

    private interface Parser<T> {
        T parse(CharSequence text, DateTimeFormatter formatter);
    }

    private static <T> Optional<T> first(List<DateTimeFormatter> formatters, String s, Parser<T> parser) {
        for (DateTimeFormatter f : formatters) {
            try {
                return Optional.of(parser.parse(s, f));
            } catch (DateTimeParseException ignored) {
                // try the next style
            }
        }
        return Optional.empty();
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }
}
