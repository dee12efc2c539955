package io.lendpoint.standalone;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.axonframework.eventhandling.EventUtils.asDomainEventMessage;

/**
 * Axon's JDBC storage engine for the embedded store, keeping large payloads and snapshots compressed
 * ({@link PayloadCompression}). The rows are Axon's own (the statements below are Axon's
 * {@code JdbcEventStorageEngineStatements.appendEvents}/{@code appendSnapshot} with the two byte columns passed
 * through {@link PayloadCompression#compress}); every read expands them before upcasters and deserialization see
 * them, so nothing above the engine knows.
 */
class CompressingEventStorageEngine extends JdbcEventStorageEngine {

    CompressingEventStorageEngine(Builder builder) {
        super(builder.dataType(byte[].class)
                .appendEvents(CompressingEventStorageEngine::appendEvents)
                .appendSnapshot(CompressingEventStorageEngine::appendSnapshot));
    }

    @Override
    protected <T> T readPayload(ResultSet resultSet, String columnName) throws SQLException {
        @SuppressWarnings("unchecked")
        T data = (T) PayloadCompression.expand(resultSet.getBytes(columnName));
        return data;
    }

    static PreparedStatement appendEvents(Connection connection, EventSchema schema, Class<?> dataType,
                                          List<? extends EventMessage<?>> events, Serializer serializer,
                                          TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema.domainEventTable()
                + " (" + schema.domainEventFields() + ") VALUES (?,?,?,?,?,?,?,?,?)");
        for (EventMessage<?> event : events) {
            set(statement, asDomainEventMessage(event), dataType, serializer, timestampWriter);
            statement.addBatch();
        }
        return statement;
    }

    static PreparedStatement appendSnapshot(Connection connection, EventSchema schema, Class<?> dataType,
                                            DomainEventMessage<?> snapshot, Serializer serializer,
                                            TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema.snapshotTable()
                + " (" + schema.domainEventFields() + ") VALUES (?,?,?,?,?,?,?,?,?)");
        set(statement, snapshot, dataType, serializer, timestampWriter);
        return statement;
    }

    private static void set(PreparedStatement statement, DomainEventMessage<?> event, Class<?> dataType,
                            Serializer serializer, TimestampWriter timestampWriter)
            throws SQLException {
        SerializedObject<?> payload = event.serializePayload(serializer, dataType);
        SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
        statement.setString(1, event.getIdentifier());
        statement.setString(2, event.getAggregateIdentifier());
        statement.setLong(3, event.getSequenceNumber());
        statement.setString(4, event.getType());
        timestampWriter.writeTimestamp(statement, 5, event.getTimestamp());
        statement.setString(6, payload.getType().getName());
        statement.setString(7, payload.getType().getRevision());
        statement.setBytes(8, PayloadCompression.compress((byte[]) payload.getData()));
        statement.setBytes(9, PayloadCompression.compress((byte[]) metaData.getData()));
    }
}
