package io.financehub.platform.broker;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;

import javax.security.auth.Subject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * One user for the embedded broker's TCP acceptor ({@code HUB_BROKER_USER}/{@code HUB_BROKER_PASSWORD}); in-VM
 * connections (the hub itself) need none.
 */
final class EmbeddedBrokerSecurityManager implements ActiveMQSecurityManager5 {

    private final String user;
    private final String password;

    EmbeddedBrokerSecurityManager(String user, String password) {
        this.user = user;
        this.password = password;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        boolean inVm = connection != null && connection.getTransportConnection() instanceof InVMConnection;
        if (inVm || validateUser(user, password)) {
            Subject subject = new Subject();
            subject.getPrincipals().add(new UserPrincipal(inVm ? "hub" : user));
            return subject;
        }
        return null;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        return subject != null;
    }

    @Override
    public boolean validateUser(String user, String password) {
        return user != null && password != null
                && MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8), this.user.getBytes(StandardCharsets.UTF_8))
                && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                this.password.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return validateUser(user, password);
    }
}
