package be.mhealth.pyramid.notification.service;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.mhealth.pyramid.notification.config.NotificationConfig;
import be.mhealth.pyramid.notification.domain.AddressRanges;
import be.mhealth.pyramid.notification.domain.Cidr;
import be.mhealth.pyramid.support.problem.RuleViolationException;

/**
 * Where webhooks may go (safe by default): https only unless {@code delivery.allow-http} (local development), and only
 * to public addresses unless an address lies in {@code delivery.allowed-networks}. A subscription's URL is checked when
 * it is written (an IP literal at once), and every delivery checks each address its host resolves to, then connects
 * to the checked address itself, so that a DNS answer that changes in between (rebinding) cannot reach another one.
 */
@ApplicationScoped
public class TargetPolicy {

    /** A receiver that may not be reached, and why. */
    public static class RefusedTarget extends Exception {
        public RefusedTarget(String message) {
            super(message);
        }
    }

    /** Where one attempt connects: the URL's host for TLS and {@code Host}, and the address checked for it. */
    public record Target(URI url, boolean tls, String host, int port, InetAddress address) {
    }

    private final boolean allowHttp;
    private final List<Cidr> allowed;
    private final HostResolver resolver;

    @Inject
    TargetPolicy(NotificationConfig config, HostResolver resolver) {
        this(config.delivery().allowHttp(), config.delivery().allowedNetworks().orElse(List.of()).stream()
                .filter(s -> !s.isBlank()).map(Cidr::parse).toList(), resolver);
    }

    public TargetPolicy(boolean allowHttp, List<Cidr> allowed, HostResolver resolver) {
        this.allowHttp = allowHttp;
        this.allowed = List.copyOf(allowed);
        this.resolver = resolver;
    }

    /** 422 naming {@code url} when the policy refuses a (syntactically valid) subscription URL. */
    public void checkSubscriptionUrl(String url) {
        URI uri = URI.create(url);
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !allowHttp) {
            throw new RuleViolationException("url", "must be an https URL");
        }
        String host = bare(uri.getHost());
        if (isLiteral(host)) {
            try {
                refusal(InetAddress.getByName(host)).ifPresent(reason -> {
                    throw new RuleViolationException("url", reason);
                });
            } catch (UnknownHostException e) {
                throw new RuleViolationException("url", "has an invalid address");
            }
        }
    }

    /** Resolves and checks the receiver of one delivery; the first checked address is the one to connect to. */
    public Target target(String url) throws RefusedTarget {
        URI uri = URI.create(url);
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        if (!tls && !allowHttp) {
            throw new RefusedTarget("refused: http is not allowed, only https");
        }
        String host = bare(uri.getHost());
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RefusedTarget("the host " + host + " could not be resolved");
        }
        if (addresses.isEmpty()) {
            throw new RefusedTarget("the host " + host + " has no address");
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                throw new RefusedTarget("refused: " + host + " resolves to " + refusal.get());
            }
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
        return new Target(uri, tls, host, port, addresses.get(0));
    }

    /** Why an address may not be reached ("10.0.0.1 is a private address …"), or empty. */
    Optional<String> refusal(InetAddress address) {
        if (allowed.stream().anyMatch(network -> network.contains(address))) {
            return Optional.empty();
        }
        return AddressRanges.notPublic(address).map(kind -> address.getHostAddress() + ", a " + kind
                + " address; webhooks go to public addresses only");
    }

    private static String bare(String host) {
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1)
                : host;
    }

    /** An IPv4 or IPv6 literal (resolving it involves no DNS). */
    static boolean isLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }
}
