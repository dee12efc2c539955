package io.lendpoint.command.servicepoint;

import io.lendpoint.api.servicepoint.ApplyForServicePoint;
import io.lendpoint.api.servicepoint.BorrowingPlan;
import io.lendpoint.api.servicepoint.ConditionFinding;
import io.lendpoint.api.servicepoint.InspectSite;
import io.lendpoint.api.servicepoint.Institution;
import io.lendpoint.api.servicepoint.QualificationDocument;
import io.lendpoint.api.servicepoint.RecordedContact;
import io.lendpoint.api.servicepoint.ResponsibleContact;
import io.lendpoint.api.servicepoint.SampleApplications;
import io.lendpoint.api.servicepoint.ServicePointApplied;
import io.lendpoint.api.servicepoint.SiteInspected;
import io.lendpoint.api.servicepoint.StorageSpace;
import io.lendpoint.platform.personaldata.FakeVault;

import java.time.Instant;
import java.time.LocalDate;

/** Sample applications and inspections for the fixture tests: a primary school in 禅城区. */
final class Applications {

    static final String POINT = "sp-1";
    /** 2026-11-26 10:00 in Foshan. */
    static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final Institution SCHOOL = SampleApplications.SCHOOL;
    static final BorrowingPlan PLAN = SampleApplications.PLAN;
    static final ResponsibleContact CONTACT = SampleApplications.CONTACT;
    /** A.6: the subject of the point's first contact, and the contact as the application records it. */
    static final String FIRST_CONTACT = RecordedContact.subjectOf(POINT, 1);
    static final RecordedContact RECORDED_CONTACT = new RecordedContact(CONTACT.name(),
            FakeVault.protectedAs(FIRST_CONTACT, CONTACT.phone()));
    static final StorageSpace SPACE = SampleApplications.SPACE;
    static final QualificationDocument LICENCE = SampleApplications.LICENCE;
    static final ConditionFinding MET = new ConditionFinding(true, null);
    static final ConditionFinding NOT_MET = new ConditionFinding(false, "书架不足");

    private Applications() {
    }

    static ApplyForServicePoint apply(String campaignId) {
        return new ApplyForServicePoint(POINT, campaignId, SCHOOL, PLAN, CONTACT, SPACE, LICENCE);
    }

    static ServicePointApplied applied() {
        return SampleApplications.applied(POINT, RECORDED_CONTACT.phone());
    }

    static InspectSite inspect(ConditionFinding a, ConditionFinding b, ConditionFinding c) {
        return new InspectSite(POINT, TODAY.minusDays(1), "王馆员", a, b, c, null);
    }

    static SiteInspected inspected(int number, ConditionFinding a, ConditionFinding b, ConditionFinding c) {
        return new SiteInspected(POINT, number, TODAY.minusDays(1), "王馆员", a, b, c, null,
                a.isMet() && b.isMet() && c.isMet());
    }
}
