package io.lendpoint.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code lendpoint.security.users}: the accounts this instance accepts. Passwords are stored only as hashes in
 * Spring Security's {@code {id}hash} form (e.g. {@code {bcrypt}$2a$10$…}).
 */
@ConfigurationProperties("lendpoint.security")
public class LendpointSecurityProperties {

    private List<Account> users = new ArrayList<>();

    public List<Account> getUsers() {
        return users;
    }

    public void setUsers(List<Account> users) {
        this.users = users;
    }

    public static class Account {
        private String username;
        private String passwordHash;
        private Role role;
        private String servicePointId;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPasswordHash() {
            return passwordHash;
        }

        public void setPasswordHash(String passwordHash) {
            this.passwordHash = passwordHash;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }

        public String getServicePointId() {
            return servicePointId;
        }

        public void setServicePointId(String servicePointId) {
            this.servicePointId = servicePointId;
        }
    }
}
