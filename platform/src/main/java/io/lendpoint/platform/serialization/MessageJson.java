package io.lendpoint.platform.serialization;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON shape of everything Axon stores or sends: events, commands, queries, snapshots, tokens.
 * Deliberately separate from Spring MVC's ObjectMapper, so that web settings never change what is stored.
 * Dates are ISO-8601 strings; unknown properties are ignored so that older code reads newer payloads
 * (renames and splits go through upcasters, see issue 7).
 */
public final class MessageJson {

    private MessageJson() {
    }

    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
    }
}
