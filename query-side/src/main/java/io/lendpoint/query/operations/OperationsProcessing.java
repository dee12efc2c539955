package io.lendpoint.query.operations;

/**
 * The one processing group of the five operations read models (§6: consultations, feedback, trainings, activities,
 * questionnaires). Each processing group reads the whole event stream through a processor of its own; these five
 * handle few events each, so one processor reads the stream for all of them (a replay at 500 points spent most
 * of its CPU in the processors' reading, issue 8). They are rebuilt, checked and dead-lettered together.
 */
final class OperationsProcessing {

    static final String GROUP = "operations";

    private OperationsProcessing() {
    }
}
