package be.mhealth.pyramid.notification.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Looks a receiver's host name up (the JDK's resolver and its cache); every address is then checked. */
@ApplicationScoped
public class HostResolver {

    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
