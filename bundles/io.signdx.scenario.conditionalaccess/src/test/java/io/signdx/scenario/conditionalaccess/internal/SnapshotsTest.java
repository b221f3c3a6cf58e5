package io.signdx.scenario.conditionalaccess.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.signdx.api.model.SignIn;
import io.signdx.testkit.Tenants;

import org.junit.jupiter.api.Test;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.framework.ServiceReference;

/** How a detector binds, swaps and loses the optional evaluator, and what it says without one. */
class SnapshotsTest {
    private static final SignIn SIGN_IN = SignIn.builder().id("s").errorCode(53003).build();

    /** Service objects as DS hands them to a bind method, counting what the detector gets and gives back. */
    private static final class Objects implements ComponentServiceObjects<Object> {
        private final Object service;
        final AtomicInteger out = new AtomicInteger();

        Objects(Object service) {
            this.service = service;
        }

        @Override
        public Object getService() {
            out.incrementAndGet();
            return service;
        }

        @Override
        public void ungetService(Object s) {
            out.decrementAndGet();
        }

        @Override
        public ServiceReference<Object> getServiceReference() {
            return null;
        }
    }

    private static FakeEvaluator evaluator() {
        return FakeEvaluator.answering(FakeEvaluator.evaluation(List.of(), List.of(), List.of()));
    }

    @Test
    void withoutATenantSnapshotNothingIsEvaluated() {
        FakeEvaluator e = evaluator();
        Snapshots s = e.snapshots();
        Snapshots.Lookup none = s.lookup(SIGN_IN, null);
        assertEquals(Snapshots.NO_SNAPSHOT, none.missing());
        assertFalse(none.snapshot());
        assertEquals(Snapshots.EMPTY_SNAPSHOT, s.lookup(SIGN_IN, Tenants.builder().noPolicies().build()).missing());
        assertEquals(0, e.calls.get());
    }

    @Test
    void aBoundEvaluatorIsUsedAndAnUnboundOneForgotten() {
        Snapshots s = new Snapshots();
        var tenant = Tenants.builder().policy(FakeEvaluator.policy(Demo.BLOCK_LEGACY, "block")).build();
        assertEquals(Snapshots.NO_EVALUATOR, s.lookup(SIGN_IN, tenant).missing());

        Objects first = new Objects(evaluator());
        s.bind(first);
        assertTrue(s.available());
        assertNotNull(s.lookup(SIGN_IN, tenant).view());

        // greedy: a better evaluator is bound before the old one is unbound
        FakeEvaluator better = evaluator();
        Objects second = new Objects(better);
        s.bind(second);
        s.unbind(first);
        assertTrue(s.available(), "unbinding the replaced evaluator keeps the new one");
        s.lookup(SIGN_IN, tenant);
        assertEquals(1, better.calls.get());

        s.unbind(second);
        assertFalse(s.available());
        assertEquals(Snapshots.NO_EVALUATOR, s.lookup(SIGN_IN, tenant).missing());
    }

    @Test
    void aServiceThatIsNoEvaluatorIsGivenBackAndIgnored() {
        Snapshots s = new Snapshots();
        Objects wrong = new Objects("not an evaluator");
        s.bind(wrong);
        assertFalse(s.available());
        assertEquals(0, wrong.out.get(), "the service object was released");
    }

    @Test
    void anEvaluatorWithoutAnswerIsReported() {
        Snapshots s = new FakeEvaluator((x, t) -> null).snapshots();
        Snapshots.Lookup l = s.lookup(SIGN_IN, Tenants.builder().policy(FakeEvaluator.policy(Demo.BLOCK_LEGACY,
                "block")).build());
        assertNull(l.view());
        assertTrue(l.missing().contains("gave no answer"), l.missing());
    }
}
