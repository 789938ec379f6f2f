package org.mercato.payment.interfaces;

import java.util.List;

import org.mercato.payment.application.PaymentService;
import org.mercato.payment.domain.Payment;
import org.mercato.payment.domain.Refund;
import org.mercato.platform.money.Money;
import org.mercato.platform.web.Paging;

/**
 * The payments API's response bodies (classes with public fields, written by JSON-B; absent values are left out)
 * and the assembler that fills them from the domain.
 */
public final class PaymentViews {

    private PaymentViews() {
    }

    /** Money in JSON: integer minor units and an ISO 4217 code. */
    public static final class MoneyView {
        public long amount;
        public String currency;

        static MoneyView of(Money money) {
            MoneyView view = new MoneyView();
            view.amount = money.amount();
            view.currency = money.currency();
            return view;
        }
    }

    /** A refund as listed in a payment. */
    public static final class RefundLine {
        public String id;
        /** Minor units. */
        public long amount;
        public String status;
        public String createdAt;
    }

    /** A payment: its status, what was charged, what can still be refunded (minor units), its refunds. */
    public static final class PaymentView {
        public String id;
        public String orderId;
        public String status;
        public MoneyView amount;
        /** Minor units that can still be refunded (0 unless captured). */
        public long refundable;
        /** Minor units given back so far. */
        public long refunded;
        public String provider;
        public String providerReference;
        public String declineReason;
        public List<RefundLine> refunds;
        public String createdAt;
    }

    /** The answer to a refund: what it gave back and what was left right after; the same on every replay. */
    public static final class RefundView {
        public String id;
        public String paymentId;
        public String status;
        public MoneyView amount;
        public String reason;
        public String providerReference;
        /** Minor units left to refund on the payment right after this refund. */
        public Long remaining;
        /** The payment's status right after this refund (PARTIALLY_REFUNDED or REFUNDED). */
        public String paymentStatus;
        public String createdAt;
    }

    /**
     * Payments of one order ({@code items} only), or a page of the staff's list of every order's payments, with
     * {@code total} (on all pages), {@code page} and {@code size} as {@code Paging} answers them.
     */
    public static final class PaymentList {
        public List<PaymentView> items;
        public Long total;
        public Integer page;
        public Integer size;
    }

    static PaymentView of(PaymentService.PaymentDetails details) {
        Payment payment = details.payment();
        PaymentView view = new PaymentView();
        view.id = payment.id().toString();
        view.orderId = payment.orderId();
        view.status = payment.status().name();
        view.amount = MoneyView.of(payment.amount());
        view.refundable = payment.refundable();
        view.refunded = payment.refunded();
        view.provider = payment.provider();
        view.providerReference = payment.providerReference();
        view.declineReason = payment.declineReason();
        view.refunds = details.refunds().stream().map(PaymentViews::line).toList();
        view.createdAt = payment.createdAt().toString();
        return view;
    }

    private static RefundLine line(Refund refund) {
        RefundLine line = new RefundLine();
        line.id = refund.id().toString();
        line.amount = refund.amount();
        line.status = refund.status().name();
        line.createdAt = refund.createdAt().toString();
        return line;
    }

    static RefundView of(Refund refund) {
        RefundView view = new RefundView();
        view.id = refund.id().toString();
        view.paymentId = refund.paymentId().toString();
        view.status = refund.status().name();
        view.amount = MoneyView.of(refund.money());
        view.reason = refund.reason();
        view.providerReference = refund.providerReference();
        view.remaining = refund.remainingAfter();
        view.paymentStatus = refund.paymentStatusAfter();
        view.createdAt = refund.createdAt().toString();
        return view;
    }

    static PaymentList page(PaymentService.PaymentPage found, Paging paging) {
        PaymentList list = list(found.items());
        list.total = found.total();
        list.page = paging.page();
        list.size = paging.size();
        return list;
    }

    static PaymentList list(List<PaymentService.PaymentDetails> payments) {
        PaymentList list = new PaymentList();
        list.items = payments.stream().map(PaymentViews::of).toList();
        return list;
    }
}
