package be.mhealth.pyramid.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import be.mhealth.pyramid.notification.domain.Cidr;
import be.mhealth.pyramid.support.problem.RuleViolationException;

/** Safe by default: https only, public addresses only (after DNS too), unless allow-listed. */
class TargetPolicyTest {

    /** A resolver answering from a table, as a DNS server under an attacker's control could. */
    static HostResolver dns(Map<String, List<String>> answers) {
        return new HostResolver() {
            @Override
            public List<InetAddress> resolve(String host) throws UnknownHostException {
                List<String> addresses = answers.get(host);
                if (addresses == null) {
                    throw new UnknownHostException(host);
                }
                return addresses.stream().map(a -> {
                    try {
                        return InetAddress.getByName(a);
                    } catch (UnknownHostException e) {
                        throw new IllegalArgumentException(e);
                    }
                }).toList();
            }
        };
    }

    private final HostResolver dns = dns(Map.of(
            "hooks.example.com", List.of("93.184.215.14"),
            "rebind.example.com", List.of("10.0.0.7"),
            "mixed.example.com", List.of("93.184.215.14", "169.254.169.254"),
            "v6.example.com", List.of("2606:2800:21f:cb07:6820:80da:af6b:8b2c"),
            "ula.example.com", List.of("fd00::1"),
            "local.example.com", List.of("127.0.0.1")));
    private final TargetPolicy strict = new TargetPolicy(false, List.of(), dns);
    private final TargetPolicy local = new TargetPolicy(true, List.of(Cidr.parse("127.0.0.1/32")), dns);

    @Test
    void httpsOnlyUnlessLocalDevelopmentAllowsHttp() {
        assertThatThrownBy(() -> strict.checkSubscriptionUrl("http://hooks.example.com/x"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("url: must be an https URL");
        strict.checkSubscriptionUrl("https://hooks.example.com/x");
        local.checkSubscriptionUrl("http://hooks.example.com/x");
        assertThatThrownBy(() -> strict.target("http://hooks.example.com/x"))
                .isInstanceOf(TargetPolicy.RefusedTarget.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://127.0.0.1/x", "https://10.1.2.3/x", "https://172.16.0.1/x",
            "https://192.168.1.1:8443/x", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/x",
            "https://0.0.0.0/x", "https://224.0.0.1/x", "https://255.255.255.255/x", "https://[::1]/x",
            "https://[fe80::1]/x", "https://[fd12:3456::1]/x", "https://[ff02::1]/x", "https://[::ffff:10.0.0.1]/x",
            "https://[64:ff9b::a00:1]/x", "https://[2002:a00:1::]/x", "https://[::]/x" })
    void addressLiteralsOutsideThePublicInternetAreRefusedAtOnce(String url) {
        assertThatThrownBy(() -> strict.checkSubscriptionUrl(url)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("webhooks go to public addresses only");
    }

    @Test
    void everyAddressAHostResolvesToIsChecked() throws Exception {
        assertThat(strict.target("https://hooks.example.com/x").address().getHostAddress())
                .isEqualTo("93.184.215.14");
        assertThat(strict.target("https://v6.example.com/x").port()).isEqualTo(443);
        assertThatThrownBy(() -> strict.target("https://rebind.example.com/x"))
                .hasMessage("refused: rebind.example.com resolves to 10.0.0.7, a private address; "
                        + "webhooks go to public addresses only");
        assertThatThrownBy(() -> strict.target("https://mixed.example.com/x"))
                .hasMessageContaining("169.254.169.254, a link-local address");
        assertThatThrownBy(() -> strict.target("https://ula.example.com/x")).hasMessageContaining("unique local");
        assertThatThrownBy(() -> strict.target("https://unknown.example.com/x"))
                .hasMessageContaining("could not be resolved");
    }

    @Test
    void allowListedNetworksAreReachable() throws Exception {
        assertThat(local.target("http://local.example.com:8099/x").address().getHostAddress()).isEqualTo("127.0.0.1");
        local.checkSubscriptionUrl("http://127.0.0.1:8099/x");
        assertThatThrownBy(() -> local.checkSubscriptionUrl("http://127.0.0.2:8099/x"))
                .hasMessageContaining("127.0.0.2, a loopback address");
        assertThatThrownBy(() -> strict.target("https://local.example.com/x")).hasMessageContaining("loopback");
    }
}
