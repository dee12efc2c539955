package io.lendpoint.command.operations;

import java.time.Duration;

/** §6.1: the library's service level for answering a point's question ({@code lendpoint.consultations.answer-within}). */
record ConsultationPolicy(Duration answerWithin) {

    ConsultationPolicy {
        if (answerWithin.isNegative() || answerWithin.isZero()) {
            throw new IllegalArgumentException("the answer time must be positive, not " + answerWithin);
        }
    }
}
