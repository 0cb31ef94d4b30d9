package dev.taskline.http.javalin.headers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The origins whose browser scripts may call the API ({@code https://app.example.com}); none by
 * default, and then the API sends no CORS header at all. Origins are compared as the browser
 * sends them (scheme, host and a port that is not the scheme's default), without letter case.
 */
public record CorsSettings(Set<String> allowedOrigins) {

    private static final CorsSettings NONE = new CorsSettings(Set.of());

    public CorsSettings {
        Set<String> normalized = new LinkedHashSet<>();
        for (String origin : allowedOrigins) {
            normalized.add(normalize(origin));
        }
        allowedOrigins = Set.copyOf(normalized);
    }

    public static CorsSettings none() {
        return NONE;
    }

    /**
     * Comma-separated origins: {@code https://app.example.com, http://localhost:5173}.
     *
     * @throws IllegalArgumentException naming an entry that is not an origin ({@code *} included:
     *                                  list the origins)
     */
    public static CorsSettings parse(String list) {
        Set<String> origins = new LinkedHashSet<>();
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                origins.add(entry.strip());
            }
        }
        return new CorsSettings(origins);
    }

    public boolean isEmpty() {
        return allowedOrigins.isEmpty();
    }

    public boolean allows(String origin) {
        return origin != null && allowedOrigins.contains(origin.strip().toLowerCase(Locale.ROOT));
    }

    static String normalize(String origin) {
        if (origin.equals("*") || origin.equalsIgnoreCase("null")) {
            throw new IllegalArgumentException("'" + origin + "' is not allowed as a CORS origin: list each origin, like https://app.example.com");
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + origin + "' is not an origin like https://app.example.com");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || !bare) {
            throw new IllegalArgumentException("'" + origin + "' is not an origin like https://app.example.com (scheme and host, "
                    + "an optional port, no path)");
        }
        return origin.toLowerCase(Locale.ROOT);
    }
}
