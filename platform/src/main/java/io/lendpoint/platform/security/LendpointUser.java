package io.lendpoint.platform.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;

/** An authenticated person: one role, and for a service-point manager the point they manage. */
public class LendpointUser extends User {

    private final Role role;
    private final String servicePointId;

    public LendpointUser(String username, String passwordHash, Role role, String servicePointId) {
        super(username, passwordHash, List.of(new SimpleGrantedAuthority(role.authority())));
        if (role == Role.POINT_MANAGER && (servicePointId == null || servicePointId.isBlank())) {
            throw new IllegalArgumentException("service-point manager " + username + " needs a service-point-id");
        }
        this.role = role;
        this.servicePointId = role == Role.POINT_MANAGER ? servicePointId : null;
    }

    public Role role() {
        return role;
    }

    /** The point a manager is bound to; null for every other role. */
    public String servicePointId() {
        return servicePointId;
    }
}
