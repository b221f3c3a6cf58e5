package io.signdx.scenario.pta.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.tenant.TenantContext;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.TestContext;

import io.signdx.conformance.Declaration;
import io.signdx.testkit.DetectorConformance;

import org.junit.jupiter.api.Test;

/**
 * Records with holes, odd values and a misbehaving context must never make the detector throw, with detail or
 * without, nor change its verdict without detail.
 */
class PartialRecordsTest {
    private final PtaFailureDetector detector = new PtaFailureDetector();

    /** A context whose related() breaks its contract by answering null or lists with null entries. */
    private static DetectionContext sloppy(List<SignIn> answer, boolean detailed) {
        return new DetectionContext() {
            @Override
            public TenantContext tenant() {
                return null;
            }

            @Override
            public boolean detailed() {
                return detailed;
            }

            @Override
            public List<SignIn> related(SignInQuery query) {
                return answer;
            }
        };
    }

    private static List<SignIn> partials(int code) {
        List<SignIn> list = new ArrayList<>();
        list.add(SignIn.builder().id("x").build());
        list.add(SignIn.builder().id("x").errorCode(code).build());
        list.add(SignIn.builder().errorCode(code).createdDateTime(java.time.Instant.EPOCH).build());
        list.add(SignIn.builder().id("y").status(new Status(code, null, null)).userTypeValue("alien")
                .clientAppUsed("???").conditionalAccessStatusValue("sideways").crossTenantAccessTypeValue("warp")
                .authenticationRequirementValue("").createdDateTime(java.time.Instant.MAX)
                .authenticationDetails(List.of(new AuthenticationDetail(null, null, null, null, null, null),
                        new AuthenticationDetail(null, "Password", "  ", null, null, null)))
                .build());
        return list;
    }

    @Test
    void partialRecordsNeverThrow() {
        List<SignIn> withNulls = new ArrayList<>();
        withNulls.add(null);
        withNulls.add(SignIn.builder().id("z").errorCode(80001).build());
        withNulls.add(SignIn.builder().id("w").errorCode(80001).createdDateTime(java.time.Instant.EPOCH).build());
        // each context asks with detail and without, as a count by scenario does
        record Asked(DetectionContext detailed, DetectionContext brief) {
        }
        List<Asked> contexts = List.of(new Asked(TestContext.empty(), TestContext.empty().brief()),
                new Asked(sloppy(null, true), sloppy(null, false)),
                new Asked(sloppy(withNulls, true), sloppy(withNulls, false)));
        List<Integer> codes = new ArrayList<>();
        for (PtaCause c : PtaCause.values()) {
            codes.add(c.code());
        }
        codes.addAll(List.of(0, 50126, 80006));
        for (int code : codes) {
            for (SignIn s : partials(code)) {
                for (Asked context : contexts) {
                    List<Finding> findings = assertDoesNotThrow(() -> detector.detect(s, context.detailed()),
                            s.toString());
                    assertNotNull(findings);
                    List<Finding> brief = assertDoesNotThrow(() -> detector.detect(s, context.brief()), s.toString());
                    assertNotNull(brief);
                    DetailParity.check(findings, brief, String.valueOf(s));
                }
            }
        }
    }

    @Test
    void thePreFilterListsExactlyTheCodesOfTheTable() {
        TreeSet<Integer> declared = new TreeSet<>(Declaration.of(PtaFailureDetector.class).errorCodes());
        TreeSet<Integer> table = new TreeSet<>();
        for (PtaCause c : PtaCause.values()) {
            table.add(c.code());
        }
        assertEquals(table, declared);
    }

    @Test
    void conformsToTheDetectorContract() {
        DetectorConformance.assertConforms(new PtaFailureDetector());
    }
}
