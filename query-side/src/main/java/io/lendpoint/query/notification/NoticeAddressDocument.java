package io.lendpoint.query.notification;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** §5.4.1: where a point's notices are e-mailed, in collection {@code notice_addresses}, keyed by the point's id. */
@Document(NoticeAddressDocument.COLLECTION)
record NoticeAddressDocument(@Id String servicePointId, String email, long lastSequence) {

    static final String COLLECTION = "notice_addresses";
}
