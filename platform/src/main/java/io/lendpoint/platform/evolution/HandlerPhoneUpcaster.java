package io.lendpoint.platform.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lendpoint.api.agreement.AgreementDrafted;
import io.lendpoint.api.personaldata.ProtectedValue;
import io.lendpoint.platform.personaldata.LegacyPlaintext;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@link AgreementDrafted} revision 1 → 2 (A.6): each party's handler phone, carried in plaintext by revision 1,
 * becomes a {@link ProtectedValue} in the legacy form ({@link LegacyPlaintext}), its subject derived from the
 * agreement, the side and the handler's name. Stored events are never rewritten (see {@link ProtectedValue}).
 */
@Component
@Order(0)
public class HandlerPhoneUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(AgreementDrafted.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(AgreementDrafted.class.getName(), "2");
    private static final List<String> SIDES = List.of("library", "servicePoint");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation intermediate) {
        return intermediate.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation intermediate) {
        return intermediate.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode upcast = ((ObjectNode) payload).deepCopy();
            String agreementId = payload.path("agreementId").asText();
            for (String side : SIDES) {
                if (upcast.get(side) instanceof ObjectNode party) {
                    LegacyPhoneFields.protect(party, "handlerPhone",
                            legacySubject(agreementId, side, party.path("handler").asText()));
                }
            }
            return upcast;
        });
    }

    /** The subject of a handler named in a revision-1 payload. */
    public static String legacySubject(String agreementId, String side, String handler) {
        return LegacyPlaintext.subjectFor("handler", agreementId, side, handler);
    }
}
