package io.lendpoint.api.servicepoint;

/**
 * The service points matching every given filter (null = any), one page of them.
 *
 * @param text                      matched case-insensitively against name, credit code, district and street
 * @param restrictedToServicePoint  when not null, only this point is visible (a service-point manager's view)
 * @param sort                      one of {@link SortKey}
 */
public record ServicePointListQuery(ServicePointStatus status, InstitutionKind kind, String district, String text,
                                    String restrictedToServicePoint, int page, int size, SortKey sort,
                                    boolean descending) {

    public static final int MAX_PAGE_SIZE = 200;

    public enum SortKey { NAME, APPLIED_AT, UPDATED_AT, STATUS, DISTRICT }
}
