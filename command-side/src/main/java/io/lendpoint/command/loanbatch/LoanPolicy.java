package io.lendpoint.command.loanbatch;

import java.util.List;

/**
 * §5.4.1, A.2.4: the library's loan policy for batches: reminders so many days before the due date (e.g. 30, 7,
 * 1), and how many times a batch may be renewed. Configured by {@code lendpoint.batches.*}.
 */
record LoanPolicy(List<Integer> reminderDays, int maxRenewals) {

    LoanPolicy {
        reminderDays = List.copyOf(reminderDays);
        if (reminderDays.stream().anyMatch(days -> days < 1) || maxRenewals < 0) {
            throw new IllegalArgumentException("reminder days must be positive and renewals not negative");
        }
    }
}
