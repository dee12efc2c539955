package io.lendpoint.platform.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The accounts of {@code lendpoint.security.users}. Hands out a fresh {@link LendpointUser} per lookup, because
 * Spring Security erases the credentials of the instance it authenticated (and Spring's in-memory manager
 * would hand back plain {@code User}s without role and point).
 */
class ConfiguredUsers implements UserDetailsService {

    private final Map<String, LendpointSecurityProperties.Account> accounts;

    ConfiguredUsers(LendpointSecurityProperties properties) {
        this.accounts = properties.getUsers().stream()
                .collect(Collectors.toUnmodifiableMap(LendpointSecurityProperties.Account::getUsername,
                        Function.identity()));
        accounts.values().forEach(ConfiguredUsers::toUser); // fail at start-up on an invalid account
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        LendpointSecurityProperties.Account account = accounts.get(username);
        if (account == null) {
            throw new UsernameNotFoundException("no such user");
        }
        return toUser(account);
    }

    private static LendpointUser toUser(LendpointSecurityProperties.Account account) {
        return new LendpointUser(account.getUsername(), account.getPasswordHash(), account.getRole(),
                account.getServicePointId());
    }
}
