package dev.taskline.domain.model.task;

import dev.taskline.domain.error.ValidationFailed;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Parses the API's {@code due_date} text ({@code YYYY-MM-DD}, a real calendar date). */
public final class DueDate {

    // LocalDate.parse alone would also take signed and five-digit years such as +10000-01-01.
    private static final Pattern YYYY_MM_DD = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String FIELD = "due_date";

    private DueDate() {
    }

    public static LocalDate parse(String raw) {
        if (raw == null) {
            throw ValidationFailed.of(FIELD, "is required");
        }
        if (YYYY_MM_DD.matcher(raw).matches()) {
            try {
                LocalDate date = LocalDate.parse(raw);
                if (date.getYear() >= 1) {
                    return date;
                }
                // falls through: year 0000 is 1 BC in ISO but has no counterpart in the driver's calendar
            } catch (DateTimeParseException impossibleDate) {
                // falls through: 2026-02-30 has the right shape but is no date
            }
        }
        throw ValidationFailed.of(FIELD, "must be a date written YYYY-MM-DD, from 0001-01-01 to 9999-12-31");
    }
}
