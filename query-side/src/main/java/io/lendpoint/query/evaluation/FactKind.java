package io.lendpoint.query.evaluation;

/** What an evaluation fact counts (§7.1). */
enum FactKind {
    /** an item lent to a reader in the point (§5.3.1); reader: the pseudonymous number */
    LOAN,
    /** a loan renewed in the point; counted apart from loans (ISO 11620) */
    RENEWAL,
    /** on-site reading: count sessions, value readers */
    ON_SITE_READING,
    /** items back at the library: count items, good those by their due date */
    RETURN,
    /** an item inspected: good when intact, value 1 damaged, 2 lost */
    INSPECTION,
    /** a satisfaction score: value 1–5, good when ≥ 4 */
    SATISFACTION,
    /** an activity held: value participants */
    ACTIVITY,
    /** a consultation answered: value response minutes, good within the service level */
    CONSULTATION,
    /** books a point asked for and did not get (requested − accepted, §5.1): count, category */
    DEMAND,
    /** a refresh due (§6.2), keyed by point and due date: good when carried out within the grace days */
    REFRESH
}
