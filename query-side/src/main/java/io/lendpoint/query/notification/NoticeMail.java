package io.lendpoint.query.notification;

import io.lendpoint.api.loanbatch.InboxMessage;

/**
 * §5.4.1: a notice as an e-mail, in Chinese with an English translation below (the point's staff read Chinese; the
 * library's systems and some staff prefer English). Only what the notice says: batch, due date, items out.
 */
record NoticeMail(String subject, String body) {

    static NoticeMail of(InboxMessage notice, String pointName) {
        String batch = notice.batchId();
        if (Notices.OVERDUE.equals(notice.kind())) {
            return new NoticeMail("【集体外借】批次 " + batch + " 已逾期 / Batch " + batch + " is overdue",
                    pointName + "：\n\n集体外借批次 " + batch + " 已于 " + notice.dueOn() + " 到期，仍有 " + notice.itemsOut()
                            + " 册图书未归还。请尽快整批归还或联系图书馆办理续借；逾期将按协议计收滞纳金。\n\n"
                            + "Batch " + batch + " was due on " + notice.dueOn() + " and " + notice.itemsOut()
                            + " item(s) are still out. Please return the batch as soon as possible or contact the "
                            + "library; overdue fines apply as agreed.\n");
        }
        return new NoticeMail("【集体外借】批次 " + batch + " 将于 " + notice.dueOn() + " 到期（还有 " + notice.daysBefore()
                + " 天）/ Batch " + batch + " is due on " + notice.dueOn(),
                pointName + "：\n\n集体外借批次 " + batch + " 将于 " + notice.dueOn() + " 到期（还有 " + notice.daysBefore()
                        + " 天），目前有 " + notice.itemsOut() + " 册图书在外。请按时整批归还，或在到期前申请续借。\n\n"
                        + "Batch " + batch + " is due on " + notice.dueOn() + " (in " + notice.daysBefore()
                        + " day(s)); " + notice.itemsOut() + " item(s) are out. Please return the whole batch on time "
                        + "or ask for a renewal before the due date.\n");
    }
}
