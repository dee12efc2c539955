package io.lendpoint.api.servicepoint;

import org.axonframework.serialization.Revision;

/** §5.4.1: the point's notices are e-mailed to {@code email} from now on ({@code null}: no e-mails any more). */
@Revision("1")
public record NotificationEmailSet(String servicePointId, String previous, String email) {
}
