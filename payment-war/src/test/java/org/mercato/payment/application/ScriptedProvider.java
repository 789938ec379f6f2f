package org.mercato.payment.application;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.mercato.platform.money.Money;

/**
 * A provider whose answers a test sets, which records every call and fails the test if a transaction is open
 * anywhere while it is asked (the payment service must never hold one across a provider call).
 */
final class ScriptedProvider implements PaymentProvider {

    record Call(String method, String key, long amount) {
    }

    private final InMemoryPayments db;
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    Function<String, Authorization> authorize = key -> Authorization.approved("pi_" + key.hashCode());
    RuntimeException captureFailure;
    RuntimeException voidFailure;
    RuntimeException refundFailure;
    int refundFailures;
    /** Runs inside each call, e.g. a second request racing the first. */
    Runnable during = () -> {
    };
    long latencyMillis;

    ScriptedProvider(InMemoryPayments db) {
        this.db = db;
    }

    private void called(String method, String key, long amount) {
        if (db.inTransaction()) {
            violations.add(method + " asked with a transaction open");
        }
        calls.add(new Call(method, key, amount));
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Runnable now = during;
        during = () -> {
        };
        now.run();
    }

    long count(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).count();
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public Authorization authorize(String key, Money amount, String cardToken, String description) {
        called("authorize", key, amount.amount());
        return authorize.apply(key);
    }

    @Override
    public void capture(String key, String reference, Money amount) {
        called("capture", key, amount.amount());
        if (captureFailure != null) {
            throw captureFailure;
        }
    }

    @Override
    public void voidAuthorization(String key, String reference) {
        called("void", key, 0);
        if (voidFailure != null) {
            throw voidFailure;
        }
    }

    @Override
    public String refund(String key, String reference, Money amount) {
        called("refund", key, amount.amount());
        if (refundFailures > 0) {
            refundFailures--;
            throw refundFailure;
        }
        return "re_" + key;
    }
}
