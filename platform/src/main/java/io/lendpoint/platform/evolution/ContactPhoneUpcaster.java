package io.lendpoint.platform.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lendpoint.api.personaldata.ProtectedValue;
import io.lendpoint.api.servicepoint.ServicePointApplied;
import io.lendpoint.api.servicepoint.ServicePointContactChanged;
import io.lendpoint.platform.personaldata.LegacyPlaintext;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * {@link ServicePointApplied} and {@link ServicePointContactChanged} revision 1 → 2 (A.6): a contact's phone, carried
 * in plaintext by revision 1, becomes a {@link ProtectedValue} in the legacy form ({@link LegacyPlaintext}), whose
 * subject is derived from the point and the contact's name. So one person's old phone has one subject in the
 * application and in every change that names them, and erasing it hides them all. Stored events are never
 * rewritten; the plaintext stays in the revision-1 rows (see {@link ProtectedValue}).
 */
@Component
@Order(0)
public class ContactPhoneUpcaster extends SingleEventUpcaster {

    static final Set<String> CONTACT_FIELDS = Set.of("contact", "previous");
    private static final Set<String> EVENTS = Set.of(ServicePointApplied.class.getName(),
            ServicePointContactChanged.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation intermediate) {
        return EVENTS.contains(intermediate.getType().getName()) && "1".equals(intermediate.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation intermediate) {
        return intermediate.upcastPayload(new SimpleSerializedType(intermediate.getType().getName(), "2"),
                JsonNode.class, payload -> {
                    ObjectNode upcast = ((ObjectNode) payload).deepCopy();
                    String servicePointId = payload.path("servicePointId").asText();
                    for (String field : CONTACT_FIELDS) {
                        if (upcast.get(field) instanceof ObjectNode contact) {
                            LegacyPhoneFields.protect(contact, "phone",
                                    legacySubject(servicePointId, contact.path("name").asText()));
                        }
                    }
                    return upcast;
                });
    }

    /** The subject of a contact named in a revision-1 payload. */
    public static String legacySubject(String servicePointId, String contactName) {
        return LegacyPlaintext.subjectFor("contact", servicePointId, contactName);
    }
}
