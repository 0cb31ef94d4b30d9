package dev.taskline.http.javalin.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which client address a request is counted against, for rate limiting.
 *
 * <p>By default (no trusted proxy) it is the TCP peer, whatever headers say: a client can write
 * any {@code X-Forwarded-For} it likes. Only when the peer is one of the configured proxies is the
 * header read, right to left (each proxy appends the address it received the request from),
 * skipping further trusted proxies; the first address that is not one is the client. Entries to
 * its left were written by the client itself and are never believed.
 *
 * <p>IPv6 clients are counted by their /64 network: one subscriber usually holds a whole /64, and
 * counting single addresses would let it take a fresh bucket per request.
 */
public final class TrustedProxies {

    public static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final TrustedProxies NONE = new TrustedProxies(List.of());
    private static final int IPV6_CLIENT_PREFIX = 64;

    private final List<Cidr> proxies;

    private TrustedProxies(List<Cidr> proxies) {
        this.proxies = List.copyOf(proxies);
    }

    /** Trust no proxy: the socket's peer is the client. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * Comma-separated addresses or networks: {@code 10.0.0.1, 192.168.0.0/16, ::1, fd00::/8}.
     *
     * @throws IllegalArgumentException naming the entry that is not one
     */
    public static TrustedProxies parse(String list) {
        List<Cidr> parsed = new ArrayList<>();
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                parsed.add(Cidr.parse(entry.strip()));
            }
        }
        return parsed.isEmpty() ? NONE : new TrustedProxies(parsed);
    }

    public boolean isEmpty() {
        return proxies.isEmpty();
    }

    public boolean trusts(InetAddress address) {
        for (Cidr proxy : proxies) {
            if (proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key a request's client is counted under.
     *
     * @param peer           the socket's remote address as the server reports it
     * @param forwardedFor   every {@code X-Forwarded-For} header of the request, in order
     */
    public String clientKey(String peer, List<String> forwardedFor) {
        Optional<InetAddress> peerAddress = IpLiterals.parse(peer);
        if (peerAddress.isEmpty()) {
            return peer == null ? "unknown" : peer; // not an IP (a Unix socket...): the peer as named
        }
        InetAddress client = peerAddress.get();
        if (trusts(client) && forwardedFor != null && !forwardedFor.isEmpty()) {
            client = forwardedClient(client, forwardedFor);
        }
        return key(client);
    }

    /** Right to left through the hops: the first one that is not a trusted proxy. */
    private InetAddress forwardedClient(InetAddress proxy, List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            hops.addAll(Arrays.asList(header.split(",")));
        }
        InetAddress nearest = proxy;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpLiterals.parse(hops.get(i));
            if (hop.isEmpty()) {
                return nearest; // garbage where an address should be: count the last hop we can name
            }
            nearest = hop.get();
            if (!trusts(nearest)) {
                return nearest;
            }
        }
        return nearest;
    }

    static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            Arrays.fill(bytes, IPV6_CLIENT_PREFIX / 8, bytes.length, (byte) 0);
            return IpLiterals.byAddress(bytes).getHostAddress() + "/" + IPV6_CLIENT_PREFIX;
        }
        return address.getHostAddress();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrustedProxies that && proxies.equals(that.proxies);
    }

    @Override
    public int hashCode() {
        return proxies.hashCode();
    }

    @Override
    public String toString() {
        return proxies.toString();
    }

    /** An address or a network, {@code 192.168.0.0/16}; an address alone is a /32 or /128. */
    record Cidr(byte[] network, int prefixLength) {

        Cidr {
            Objects.requireNonNull(network, "network");
            network = network.clone();
        }

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            InetAddress parsed = IpLiterals.parse(address)
                    .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IP address or network"));
            byte[] bytes = parsed.getAddress();
            int bits = bytes.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + bits);
                }
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int whole = prefixLength / 8;
            for (int i = 0; i < whole; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[whole] & mask) == (network[whole] & mask);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Cidr that && prefixLength == that.prefixLength && Arrays.equals(network, that.network);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(network) + prefixLength;
        }

        @Override
        public String toString() {
            return IpLiterals.byAddress(network).getHostAddress() + "/" + prefixLength;
        }
    }
}
