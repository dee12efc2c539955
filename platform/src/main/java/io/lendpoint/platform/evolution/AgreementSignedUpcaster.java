package io.lendpoint.platform.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lendpoint.api.agreement.AgreementIds;
import io.lendpoint.api.agreement.AgreementSigned;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@link AgreementSigned} revision 1 → 2: adds {@code servicePointId}, derived from the agreement id
 * ({@link AgreementIds#servicePointOf}), the field every other event about a point carries. Stored events are never
 * rewritten; this runs whenever a revision-1 payload is read (aggregate loading, projections, replays, audits).
 */
@Component
@Order(0)
public class AgreementSignedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(AgreementSigned.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(AgreementSigned.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation intermediate) {
        return intermediate.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation intermediate) {
        return intermediate.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode upcast = ((ObjectNode) payload).deepCopy();
            upcast.put("servicePointId", AgreementIds.servicePointOf(payload.get("agreementId").asText()));
            return upcast;
        });
    }
}
