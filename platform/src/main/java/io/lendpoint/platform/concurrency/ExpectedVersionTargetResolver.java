package io.lendpoint.platform.concurrency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds a command's target aggregate by its {@code @TargetAggregateIdentifier}, and the version it expects from the
 * command's metadata ({@value #EXPECTED_VERSION}, set from {@code If-Match}). Axon's repository then refuses the
 * command when the aggregate has moved past that version (a {@code ConflictingAggregateVersionException}, 412).
 */
class ExpectedVersionTargetResolver implements CommandTargetResolver {

    static final String EXPECTED_VERSION = "expectedAggregateVersion";

    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotated.resolveTarget(command);
        Object expected = command.getMetaData().get(EXPECTED_VERSION);
        return expected instanceof Number version
                ? new VersionedAggregateIdentifier(target.getIdentifierValue(), version.longValue())
                : target;
    }
}
