package be.mhealth.pyramid.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import be.mhealth.pyramid.notification.service.HostResolver;

/**
 * DNS for tests: names under {@code .test} answer what a test says (as a DNS server under an attacker's control
 * could); every other name is looked up for real.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestHostResolver extends HostResolver {

    private static final Map<String, List<String>> ANSWERS = new ConcurrentHashMap<>();

    public static void answer(String host, String... addresses) {
        ANSWERS.put(host, List.of(addresses));
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<String> addresses = ANSWERS.get(host);
        if (addresses == null) {
            return super.resolve(host);
        }
        List<InetAddress> resolved = new java.util.ArrayList<>();
        for (String address : addresses) {
            resolved.add(InetAddress.getByName(address));
        }
        return resolved;
    }
}
