package io.lendpoint.api.servicepoint;

import io.lendpoint.api.personaldata.ProtectedValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Sample service-point applications for tests of every module (shipped as shared-api's test-jar): a primary
 * school in 禅城区 with valid data throughout, so a test changes only what it is about.
 */
public final class SampleApplications {

    public static final String CREDIT_CODE = "91440604MA4UABCD1T";
    public static final Address ADDRESS = new Address("禅城区", "祖庙路1号");
    public static final Institution SCHOOL = new Institution("佛山市禅城区第一小学", InstitutionKind.SCHOOL, CREDIT_CODE,
            ADDRESS);
    public static final BorrowingPlan PLAN = new BorrowingPlan(800, List.of("I", "K", "Z"), "每学期初整批借阅",
            LocalDate.of(2027, 2, 20), LocalDate.of(2028, 1, 15));
    public static final ResponsibleContact CONTACT = new ResponsibleContact("李老师", "13800138000");
    public static final StorageSpace SPACE = new StorageSpace(new BigDecimal("60"), 12, "专用阅览室，门禁");
    public static final QualificationDocument LICENCE = new QualificationDocument(
            QualificationDocumentType.SCHOOL_LICENCE, "教民144060470000001号");

    private SampleApplications() {
    }

    public static Institution institution(String name, InstitutionKind kind, String district) {
        return new Institution(name, kind, CREDIT_CODE, new Address(district, ADDRESS.street()));
    }

    public static ApplyForServicePoint apply(String servicePointId) {
        return new ApplyForServicePoint(servicePointId, null, SCHOOL, PLAN, CONTACT, SPACE, LICENCE);
    }

    /**
     * The application as the point records it, {@link #CONTACT}'s phone given as {@code phone}: what the test's
     * vault made of it under the subject of the point's first contact ({@link RecordedContact#subjectOf}).
     */
    public static ServicePointApplied applied(String servicePointId, ProtectedValue phone) {
        return applied(servicePointId, SCHOOL, phone);
    }

    public static ServicePointApplied applied(String servicePointId, Institution institution, ProtectedValue phone) {
        return new ServicePointApplied(servicePointId, null, institution, PLAN,
                new RecordedContact(CONTACT.name(), phone), SPACE, LICENCE);
    }
}
