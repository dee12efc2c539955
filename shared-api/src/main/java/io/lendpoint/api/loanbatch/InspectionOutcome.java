package io.lendpoint.api.loanbatch;

/** §5.4.2: what the library found when it inspected a returned (or unreturned) item. */
public enum InspectionOutcome {
    /** 完好 */
    INTACT,
    /** 损坏 (with a severity) */
    DAMAGED,
    /** 遗失: not returned */
    LOST
}
