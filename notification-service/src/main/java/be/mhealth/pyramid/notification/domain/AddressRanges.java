package be.mhealth.pyramid.notification.domain;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The address ranges a webhook may not reach unless allow-listed: everything that is not a public unicast address
 * (IANA's special-purpose registries for IPv4 and IPv6), so that a subscription cannot make the platform call its own
 * network, the cloud's metadata service or a multicast group. Ranges that embed an IPv4 address (6to4, Teredo,
 * NAT64, IPv4-compatible) are refused as a whole; the JDK reads an IPv4-mapped IPv6 address as the IPv4 address.
 */
public final class AddressRanges {

    private static final Map<Cidr, String> NOT_PUBLIC = List.of(
            "0.0.0.0/8 this network", "10.0.0.0/8 private", "100.64.0.0/10 shared (carrier-grade NAT)",
            "127.0.0.0/8 loopback", "169.254.0.0/16 link-local", "172.16.0.0/12 private",
            "192.0.0.0/24 IETF protocol assignments", "192.0.2.0/24 documentation", "192.88.99.0/24 6to4 relay",
            "192.168.0.0/16 private", "198.18.0.0/15 benchmarking", "198.51.100.0/24 documentation",
            "203.0.113.0/24 documentation", "224.0.0.0/4 multicast", "240.0.0.0/4 reserved",
            "::/128 unspecified", "::1/128 loopback", "::/96 IPv4-compatible",
            "64:ff9b::/96 NAT64", "64:ff9b:1::/48 NAT64", "100::/64 discard-only", "2001::/32 Teredo",
            "2001:db8::/32 documentation", "2002::/16 6to4", "fc00::/7 unique local", "fe80::/10 link-local",
            "fec0::/10 site-local", "ff00::/8 multicast")
            .stream().map(line -> line.split(" ", 2))
            .collect(java.util.stream.Collectors.toMap(p -> Cidr.parse(p[0]), p -> p[1], (a, b) -> a,
                    java.util.LinkedHashMap::new));

    private AddressRanges() {
    }

    /** Why {@code address} is not a public address (e.g. "loopback"), or empty when it is one. */
    public static Optional<String> notPublic(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        for (Map.Entry<Cidr, String> range : NOT_PUBLIC.entrySet()) {
            if (range.getKey().contains(address)) {
                return Optional.of(range.getValue());
            }
        }
        return Optional.empty();
    }
}
