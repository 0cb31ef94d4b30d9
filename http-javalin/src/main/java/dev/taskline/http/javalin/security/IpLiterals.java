package dev.taskline.http.javalin.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses IP address literals without ever asking DNS: {@code InetAddress.getByName} resolves
 * anything that is not a literal, and header values come from clients. IPv4 is parsed here;
 * IPv6 is handed to the JDK only when it contains a colon, which the JDK then treats as a literal
 * (valid or an error, never a host name).
 */
final class IpLiterals {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiterals() {
    }

    /** {@code 203.0.113.7}, {@code 2001:db8::1} or {@code [2001:db8::1]}; empty for anything else. */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        Matcher v4 = IPV4.matcher(literal);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(byAddress(bytes));
        }
        if (literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches()) {
            try {
                return Optional.of(InetAddress.getByName(literal));
            } catch (UnknownHostException | IllegalArgumentException invalid) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length, impossible);
        }
    }
}
