package dev.drydock.audit;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The start of an audit query: an instant ({@code 2026-11-21T10:00Z}), a UTC date, or an age ({@code 30m}, {@code 1h}, {@code 2d}). */
public final class Since {
    private static final Pattern AGE = Pattern.compile("(\\d{1,6})([smhdw])");

    private Since() {
    }

    public static Instant parse(String text, Instant now) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        Matcher age = AGE.matcher(s);
        if (age.matches()) {
            long n = Long.parseLong(age.group(1));
            Duration d = switch (age.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return now.minus(d);
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "--since '" + text + "' is neither a time nor an age.",
                        "Give a time with its offset (2026-11-21T10:00Z, 2026-11-21T11:00+01:00), a UTC date (2026-11-21), "
                                + "or an age: a number and s, m, h, d or w (90m, 1h, 2d).",
                        "drydock audit --since 1d");
            }
        }
    }
}
