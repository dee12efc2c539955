package io.lendpoint.command.servicepoint;

import io.lendpoint.api.servicepoint.Address;
import io.lendpoint.api.servicepoint.ApplyForServicePoint;
import io.lendpoint.api.servicepoint.BorrowingPlan;
import io.lendpoint.api.servicepoint.ConditionFinding;
import io.lendpoint.api.servicepoint.InspectSite;
import io.lendpoint.api.servicepoint.Institution;
import io.lendpoint.api.servicepoint.InstitutionKind;
import io.lendpoint.api.servicepoint.QualificationDocument;
import io.lendpoint.api.servicepoint.QualificationDocumentType;
import io.lendpoint.api.servicepoint.ResponsibleContact;
import io.lendpoint.api.servicepoint.ServicePointApplied;
import io.lendpoint.api.servicepoint.SiteInspected;
import io.lendpoint.api.servicepoint.StorageSpace;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Sample applications and inspections for the fixture tests: a primary school in 禅城区. */
final class Applications {

    static final String POINT = "sp-1";
    /** 2026-11-26 10:00 in Foshan. */
    static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final Institution SCHOOL = new Institution("佛山市禅城区第一小学", InstitutionKind.SCHOOL, "91440604MA4UABCD1T",
            new Address("禅城区", "祖庙路1号"));
    static final BorrowingPlan PLAN = new BorrowingPlan(800, List.of("I", "K", "Z"), "每学期初整批借阅",
            LocalDate.of(2027, 2, 20), LocalDate.of(2028, 1, 15));
    static final ResponsibleContact CONTACT = new ResponsibleContact("李老师", "13800138000");
    static final StorageSpace SPACE = new StorageSpace(new BigDecimal("60"), 12, "专用阅览室，门禁");
    static final QualificationDocument LICENCE = new QualificationDocument(QualificationDocumentType.SCHOOL_LICENCE,
            "教民144060470000001号");
    static final ConditionFinding MET = new ConditionFinding(true, null);
    static final ConditionFinding NOT_MET = new ConditionFinding(false, "书架不足");

    private Applications() {
    }

    static ApplyForServicePoint apply(String campaignId) {
        return new ApplyForServicePoint(POINT, campaignId, SCHOOL, PLAN, CONTACT, SPACE, LICENCE);
    }

    static ServicePointApplied applied() {
        return new ServicePointApplied(POINT, null, SCHOOL, PLAN, CONTACT, SPACE, LICENCE);
    }

    static InspectSite inspect(ConditionFinding a, ConditionFinding b, ConditionFinding c) {
        return new InspectSite(POINT, TODAY.minusDays(1), "王馆员", a, b, c, null);
    }

    static SiteInspected inspected(int number, ConditionFinding a, ConditionFinding b, ConditionFinding c) {
        return new SiteInspected(POINT, number, TODAY.minusDays(1), "王馆员", a, b, c, null,
                a.isMet() && b.isMet() && c.isMet());
    }
}
