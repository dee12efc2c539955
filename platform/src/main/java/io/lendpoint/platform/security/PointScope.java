package io.lendpoint.platform.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What the current caller may see: a service-point manager sees its own point only; every other role is not
 * restricted by point (what it may do is restricted by role).
 */
@Component
public class PointScope {

    /** The only point the caller may see, or empty when not restricted to one point. */
    public Optional<String> restriction() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LendpointUser user
                && user.role() == Role.POINT_MANAGER) {
            return Optional.of(user.servicePointId());
        }
        return Optional.empty();
    }

    /** Refuses (403) a manager who addresses another point than its own. */
    public void requireAccessTo(String servicePointId) {
        restriction().filter(own -> !own.equals(servicePointId)).ifPresent(own -> {
            throw new AccessDeniedException("Service-point manager of " + own + " may not access " + servicePointId);
        });
    }

    /**
     * The point a list may be narrowed to: the one asked for (403 for a manager asking for another), else a
     * manager's own, else none (every point).
     */
    public String narrow(String servicePointId) {
        String point = servicePointId != null ? servicePointId : restriction().orElse(null);
        if (point != null) {
            requireAccessTo(point);
        }
        return point;
    }

    /** Refuses (403) a manager whose point is not among {@code servicePointIds} (e.g. the points a training is for). */
    public void requireAccessToAnyOf(java.util.Collection<String> servicePointIds) {
        restriction().filter(own -> !servicePointIds.contains(own)).ifPresent(own -> {
            throw new AccessDeniedException("Service-point manager of " + own + " may not access " + servicePointIds);
        });
    }

    /** The library administrator: the one role that sees personal data in full (A.6). */
    public boolean isLibraryAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof LendpointUser user
                && user.role() == Role.LIBRARY_ADMIN;
    }

    /** The name of the authenticated caller, for commands that record who acted (e.g. an inspector). */
    public String currentUserName() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }
}
