package io.signdx.scenario.conditionalaccess.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;

import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * The bundle resolves without io.signdx.policy (its import is optional): the detectors must load, be
 * introspected the way Declarative Services does, and diagnose without that package. Here the bundle's
 * classes are loaded by a class loader that cannot see io.signdx.policy at all.
 */
class IsolationTest {
    private static final String PACKAGE = "io.signdx.scenario.conditionalaccess.internal.";

    /** Loads this bundle's classes itself, hides io.signdx.policy, and leaves everything else to its parent. */
    private static final class WithoutPolicy extends ClassLoader {
        WithoutPolicy() {
            super(IsolationTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("io.signdx.policy.")) {
                    throw new ClassNotFoundException(name + " (hidden: the optional import is not wired)");
                }
                if (!name.startsWith(PACKAGE) || name.endsWith("Test") || name.contains("Test$")
                        || name.endsWith("FakeEvaluator") || name.endsWith(".Demo")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"BlockedDetector", "FailedDetector", "MfaDetector", "B2bBlockedDetector"})
    void aDetectorLoadsIntrospectsAndDiagnosesWithoutThePolicyPackage(String simpleName) throws Exception {
        ClassLoader loader = new WithoutPolicy();
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("io.signdx.policy.PolicyEvaluator"));
        Class<?> type = loader.loadClass(PACKAGE + simpleName);
        // what Declarative Services does with a component class: every method and field signature resolves
        type.getDeclaredMethods();
        type.getDeclaredFields();
        type.getDeclaredConstructors();
        ScenarioDetector detector = (ScenarioDetector) type.getConstructor().newInstance();

        // an evaluator service that this class loader cannot see is refused at bind, not at detection
        Method bind = type.getDeclaredMethod("bindEvaluator", ComponentServiceObjects.class);
        bind.setAccessible(true);
        bind.invoke(detector, new ComponentServiceObjects<Object>() {
            @Override
            public Object getService() {
                return new Object();
            }

            @Override
            public void ungetService(Object service) {
                // nothing held
            }

            @Override
            public ServiceReference<Object> getServiceReference() {
                return null;
            }
        });

        SignIns fx = new SignIns();
        for (var s : List.of(Demo.legacyBlock(fx, "a@b.example").build(), Demo.financeCompliance(fx, "a@b.example")
                .build(), Demo.mfaOutside(fx, "a@b.example", 50074).build(), Demo.guestCompliance(fx, "g@b.example")
                .build())) {
            List<Finding> findings = detector.detect(s, TestContext.empty());
            findings.forEach(f -> assertFalse(f.assessment().isBlank()));
            DetailParity.check(findings, detector.detect(s, TestContext.empty().brief()), simpleName + " on " + s.id());
        }
        assertEquals(type.getClassLoader(), loader, "the detector came from the isolating loader");
    }
}
