package io.lendpoint.command.operations;

/** §6.2: days after its due date a refresh still counts as on time ({@code lendpoint.refresh.grace-days}). */
record RefreshPolicy(int graceDays) {

    RefreshPolicy {
        if (graceDays < 0 || graceDays > 90) {
            throw new IllegalArgumentException("grace days must be 0 to 90, not " + graceDays);
        }
    }
}
