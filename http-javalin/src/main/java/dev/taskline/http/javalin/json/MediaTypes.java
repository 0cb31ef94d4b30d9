package dev.taskline.http.javalin.json;

import java.util.Locale;

/** Which request {@code Content-Type}s count as JSON. */
public final class MediaTypes {

    public static final String JSON = "application/json";

    private MediaTypes() {
    }

    /**
     * {@code application/json} or a {@code +json} structured suffix ({@code application/merge-patch+json}),
     * optionally with {@code charset=utf-8}: JSON exchanged between systems is UTF-8 (RFC 8259 §8.1),
     * so another declared charset is refused rather than misread.
     */
    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (parts.length == 0) {
            return false; // ";" alone: no media type at all
        }
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        boolean json = mediaType.equals(JSON) || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
        if (!json) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = parameter.substring(0, equals).strip();
            String value = unquote(parameter.substring(equals + 1).strip());
            if (name.equalsIgnoreCase("charset") && !value.equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        return true;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
