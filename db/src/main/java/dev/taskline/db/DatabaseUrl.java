package dev.taskline.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A PostgreSQL address as pgjdbc wants it, read from either a libpq URI
 * ({@code postgresql://user:pass@host:5432/db?sslmode=require}, as Neon and most hosts give it) or a
 * JDBC URL. pgjdbc itself accepts neither the {@code postgres://} scheme nor credentials in the
 * authority, so the libpq form is taken apart here.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/db?params}, without credentials
 * @param user     the user, if the URL names one
 * @param password the password, if the URL carries one
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {

    /** libpq parameter names that pgjdbc spells differently. */
    private static final Map<String, String> PGJDBC_NAMES = Map.of(
            "channel_binding", "channelBinding",
            "connect_timeout", "connectTimeout",
            "application_name", "ApplicationName",
            "sslrootcert", "sslrootcert",
            "target_session_attrs", "targetServerType");

    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("database URL is empty");
        }
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(trimmed, Optional.empty(), Optional.empty());
        }
        if (!trimmed.startsWith("postgresql://") && !trimmed.startsWith("postgres://")) {
            throw new IllegalArgumentException(
                    "database URL must start with postgresql://, postgres:// or jdbc:postgresql:");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            // Never echo the URL itself: it may carry a password.
            throw new IllegalArgumentException("database URL is not a valid URI (" + e.getReason() + ")");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("database URL names no host");
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                password = Optional.of(decode(userInfo.substring(colon + 1)));
            }
        }
        String host = uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String database = decode(path.substring(1));

        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters(uri.getRawQuery()).forEach((name, value) ->
                query.add(PGJDBC_NAMES.getOrDefault(name, name) + "=" + value));
        String jdbcUrl = "jdbc:postgresql://" + host + port + "/" + database + query;
        return new DatabaseUrl(jdbcUrl, user, password);
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : pair.substring(equals + 1); // stays encoded for the JDBC URL
            parameters.put(name, value);
        }
        return parameters;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + user.orElse("-") + ", password=" + (password.isPresent() ? "***" : "-") + "]";
    }
}
