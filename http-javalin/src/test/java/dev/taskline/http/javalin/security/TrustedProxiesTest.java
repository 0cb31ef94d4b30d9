package dev.taskline.http.javalin.security;

import java.net.Inet4Address;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.1, fd00::/8");

    @Test
    void withoutTrustedProxies_theSocketPeerIsTheClient_whateverTheHeaderSays() {
        TrustedProxies none = TrustedProxies.none();

        assertThat(none.clientKey("203.0.113.5", List.of())).isEqualTo("203.0.113.5");
        assertThat(none.clientKey("203.0.113.5", List.of("198.51.100.1"))).isEqualTo("203.0.113.5");
        assertThat(none.clientKey("10.0.0.1", List.of("198.51.100.1"))).as("not even from a private address").isEqualTo("10.0.0.1");
        assertThat(TrustedProxies.parse(" , ").isEmpty()).isTrue();
    }

    @Test
    void fromATrustedProxy_theRightmostUntrustedHopIsTheClient() {
        assertThat(proxies.clientKey("10.1.2.3", List.of("198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(proxies.clientKey("10.1.2.3", List.of("6.6.6.6, 198.51.100.7"))).as("what the client wrote is ignored")
                .isEqualTo("198.51.100.7");
        assertThat(proxies.clientKey("10.1.2.3", List.of("198.51.100.7, 192.168.1.1"))).as("through two trusted proxies")
                .isEqualTo("198.51.100.7");
        assertThat(proxies.clientKey("10.1.2.3", List.of("6.6.6.6", "198.51.100.7, 10.9.9.9"))).as("several headers, in order")
                .isEqualTo("198.51.100.7");
    }

    @Test
    void fromAnUntrustedPeer_theHeaderIsIgnored() {
        assertThat(proxies.clientKey("203.0.113.5", List.of("198.51.100.7"))).isEqualTo("203.0.113.5");
        assertThat(proxies.clientKey("192.168.1.2", List.of("198.51.100.7"))).as("a neighbour of the proxy").isEqualTo("192.168.1.2");
    }

    @Test
    void whenEveryHopIsTrusted_orAHopIsGarbage_theNearestNamedHopCounts() {
        assertThat(proxies.clientKey("10.1.2.3", List.of("10.4.4.4, 10.5.5.5"))).isEqualTo("10.4.4.4");
        assertThat(proxies.clientKey("10.1.2.3", List.of("198.51.100.7, not-an-ip"))).isEqualTo("10.1.2.3");
        assertThat(proxies.clientKey("10.1.2.3", List.of("not-an-ip, 10.5.5.5"))).isEqualTo("10.5.5.5");
        assertThat(proxies.clientKey("10.1.2.3", List.of(""))).isEqualTo("10.1.2.3");
    }

    @Test
    void ipv6Clients_areCountedByTheirSlash64() {
        assertThat(TrustedProxies.none().clientKey("2001:db8:1:2:aaaa::1", List.of())).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(TrustedProxies.none().clientKey("[2001:db8:1:2:bbbb::2]", List.of())).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(proxies.clientKey("fd00::1", List.of("2001:db8:1:3::9"))).isEqualTo("2001:db8:1:3:0:0:0:0/64");
        assertThat(TrustedProxies.none().clientKey("::ffff:203.0.113.5", List.of())).as("IPv4-mapped is IPv4").isEqualTo("203.0.113.5");
    }

    @Test
    void parse_refusesWhatIsNotAnAddressOrNetwork_withoutAskingDns() {
        for (String bad : new String[] {"localhost", "proxy.example.com", "10.0.0.256", "10.0.0", "10.0.0.0/33", "fd00::/129", "10.0.0.0/x",
                "1.2.3.4/-1"}) {
            assertThatThrownBy(() -> TrustedProxies.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void networks_containExactlyTheirAddresses() {
        TrustedProxies.Cidr net = TrustedProxies.Cidr.parse("192.168.4.0/22");
        assertThat(net.contains(IpLiterals.parse("192.168.4.0").orElseThrow())).isTrue();
        assertThat(net.contains(IpLiterals.parse("192.168.7.255").orElseThrow())).isTrue();
        assertThat(net.contains(IpLiterals.parse("192.168.8.0").orElseThrow())).isFalse();
        assertThat(net.contains(IpLiterals.parse("192.168.3.255").orElseThrow())).isFalse();
        assertThat(net.contains(IpLiterals.parse("::1").orElseThrow())).as("another family").isFalse();
        assertThat(TrustedProxies.Cidr.parse("0.0.0.0/0").contains(IpLiterals.parse("8.8.8.8").orElseThrow())).isTrue();
        assertThat(TrustedProxies.parse("::1").trusts(IpLiterals.parse("[::1]").orElseThrow())).isTrue();
        assertThat(TrustedProxies.parse("::1").trusts(IpLiterals.parse("::2").orElseThrow())).isFalse();
    }

    @Test
    void ipLiterals_areParsedWithoutDns() {
        assertThat(IpLiterals.parse("203.0.113.5")).get().isInstanceOf(Inet4Address.class);
        assertThat(IpLiterals.parse("localhost")).isEmpty();
        assertThat(IpLiterals.parse("example.com")).isEmpty();
        assertThat(IpLiterals.parse("1.2.3")).isEmpty();
        assertThat(IpLiterals.parse("1e100")).isEmpty();
        assertThat(IpLiterals.parse("999.1.1.1")).isEmpty();
        assertThat(IpLiterals.parse("fe80::1%eth0")).as("zones are not accepted").isEmpty();
        assertThat(IpLiterals.parse("2001:db8::zz")).isEmpty();
        assertThat(IpLiterals.parse(null)).isEmpty();
    }
}
