package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

import java.util.List;

/** §6.4: the library approved the activity, promising these resources. */
@Revision("1")
public record ActivityApproved(String activityId, String servicePointId, List<String> resourcesPromised) {
}
