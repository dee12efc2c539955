package io.lendpoint.api.operations;

/** §6.3: how a questionnaire question is answered. */
public enum QuestionKind {
    /** 1–5 (非常不满意 … 非常满意) */
    SCALE_5,
    /** one of the question's options */
    SINGLE_CHOICE,
    /** free text */
    TEXT
}
