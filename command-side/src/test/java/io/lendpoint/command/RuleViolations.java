package io.lendpoint.command;

import io.lendpoint.api.error.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Fixture-test matchers for refused commands. */
public final class RuleViolations {

    private RuleViolations() {
    }

    /** A {@link RuleViolation} with the given stable code (what clients and the zh/en messages key on). */
    public static Matcher<Throwable> violation(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof RuleViolation v && v.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation with code ").appendValue(code);
            }
        };
    }
}
