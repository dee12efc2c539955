package io.lendpoint.api.notification;

import java.util.List;

/** The answer to {@link EmailDeliveriesQuery}: the point's notice address now ({@code null}: none) and one page. */
public record EmailDeliveryPage(String address, boolean mailConfigured, List<EmailDelivery> items, long total,
                                int page, int size) {
}
