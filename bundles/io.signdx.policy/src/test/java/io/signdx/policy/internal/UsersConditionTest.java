package io.signdx.policy.internal;

import static io.signdx.policy.internal.Eval.ALICE_ID;
import static io.signdx.policy.internal.Eval.BREAK_GLASS;
import static io.signdx.policy.internal.Eval.FINANCE;
import static io.signdx.policy.internal.Eval.GLOBAL_ADMIN;
import static io.signdx.policy.internal.Eval.PARTNER_TENANT;
import static io.signdx.policy.internal.Eval.alice;
import static io.signdx.policy.internal.Eval.assertReason;
import static io.signdx.policy.internal.Eval.assertVerdict;
import static io.signdx.policy.internal.Eval.check;
import static io.signdx.policy.internal.PolicyBuilder.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Evaluation;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;

class UsersConditionTest {
    private static final ConditionalAccessPolicy ALL_BUT_BREAK_GLASS = policy("p", "MFA for everyone")
            .includeUsers("All").excludeGroups(BREAK_GLASS).grant("OR", "mfa").build();

    private static ConditionVerdict users(ConditionalAccessPolicy p, SignInFacts f) {
        return check(p, f, Condition.USERS);
    }

    @Test
    void allUsersIncludesAMember() {
        ConditionVerdict v = users(ALL_BUT_BREAK_GLASS, alice().build());
        assertVerdict(Verdict.SATISFIED, v);
        assertEquals("included as All users; not excluded", v.reason());
        assertEquals("include: All users; exclude: group Break-glass accounts (" + BREAK_GLASS + ")", v.configured());
        assertTrue(v.signInValue().startsWith("alice@contoso.example (Member"), v.signInValue());
    }

    @Test
    void exclusionWinsOverInclusion() {
        ConditionVerdict v = users(ALL_BUT_BREAK_GLASS, alice().groupIds(Set.of(FINANCE, BREAK_GLASS)).build());
        assertVerdict(Verdict.NOT_SATISFIED, v);
        assertEquals("excluded: member of group Break-glass accounts (" + BREAK_GLASS + ")", v.reason());
        assertTrue(v.signInValue().contains("in group Break-glass accounts"), v.signInValue());
    }

    @Test
    void exclusionWinsEvenWhenTheUserIsIncludedByName() {
        ConditionalAccessPolicy p = policy("p", "x").includeUsers(ALICE_ID).excludeUsers(ALICE_ID).build();
        assertVerdict(Verdict.NOT_SATISFIED, users(p, alice().build()));
    }

    @Test
    void groupInclusionNamesTheGroup() {
        // membership is transitive: Finance holds the nested group the user sits in, and the facts give both
        String nested = "77777777-0000-4000-8000-000000000077";
        ConditionalAccessPolicy p = policy("p", "Finance MFA").includeGroups(FINANCE).build();
        ConditionVerdict v = users(p, alice().groupIds(Set.of(nested, FINANCE)).build());
        assertVerdict(Verdict.SATISFIED, v);
        assertEquals("included through group Finance (" + FINANCE + ")", v.reason());
    }

    @Test
    void notAMemberOfTheIncludedGroup() {
        ConditionalAccessPolicy p = policy("p", "Finance MFA").includeGroups(FINANCE).build();
        ConditionVerdict v = users(p, alice().groupIds(Set.of()).build());
        assertVerdict(Verdict.NOT_SATISFIED, v);
        assertReason(v, "not a member of the included groups");
    }

    @Test
    void groupNameMissingFromTheSnapshotShowsTheId() {
        String other = "99999999-0000-4000-8000-000000000099";
        ConditionalAccessPolicy p = policy("p", "x").includeGroups(other).build();
        ConditionVerdict v = users(p, alice().groupIds(Set.of(other)).build());
        assertEquals("included through group " + other + " (name not in the snapshot)", v.reason());
    }

    @Test
    void userIncludedById() {
        TenantContext t = Eval.tenant(policy("p", "x").includeUsers(ALICE_ID).build())
                .user(new DirectoryUser(ALICE_ID, "alice@contoso.example", "Alice", "Member", Set.of(), Set.of())).build();
        ConditionVerdict v = Eval.verdict(Eval.run(t, alice().build()), "p", Condition.USERS);
        assertVerdict(Verdict.SATISFIED, v);
        assertEquals("included as user alice@contoso.example (" + ALICE_ID + ")", v.reason());
    }

    @Test
    void roleIncludedByTemplateIdWithItsName() {
        ConditionalAccessPolicy p = policy("p", "Admins").includeRoles(GLOBAL_ADMIN).build();
        ConditionVerdict v = users(p, alice().roleTemplateIds(Set.of(GLOBAL_ADMIN)).build());
        assertVerdict(Verdict.SATISFIED, v);
        assertEquals("included through role Global Administrator", v.reason());
        assertEquals("include: role Global Administrator", v.configured());
        assertVerdict(Verdict.NOT_SATISFIED, users(p, alice().build()));
    }

    @Test
    void excludedRole() {
        ConditionalAccessPolicy p = policy("p", "x").includeUsers("All").excludeRoles(GLOBAL_ADMIN).build();
        ConditionVerdict v = users(p, alice().roleTemplateIds(Set.of(GLOBAL_ADMIN)).build());
        assertVerdict(Verdict.NOT_SATISFIED, v);
        assertEquals("excluded: holds role Global Administrator", v.reason());
    }

    @Test
    void unknownUserWithoutMembershipIsNotEnoughInformation() {
        SignInFacts unknown = SignInFacts.builder().userPrincipalName("nobody@contoso.example").userType("Member").build();
        Evaluation e = Eval.run(ALL_BUT_BREAK_GLASS, unknown);
        ConditionVerdict v = Eval.verdict(e, "p", Condition.USERS);
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, v);
        assertReason(v, "included as All users; whether it is excluded is unknown");
        assertReason(v, "the user is not in the snapshot");
        assertTrue(e.missing().contains("group membership of the user"), e.missing().toString());
        assertEquals(null, e.policy("p").orElseThrow().applies());
    }

    @Test
    void unknownMembershipDoesNotMatterWhenNothingIsExcluded() {
        ConditionalAccessPolicy p = policy("p", "x").includeUsers("All").build();
        assertVerdict(Verdict.SATISFIED, users(p, SignInFacts.builder().userPrincipalName("x@y.example").build()));
    }

    @Test
    void membershipComesFromTheSnapshotWhenTheFactsGiveNone() {
        TenantContext t = Eval.tenant(ALL_BUT_BREAK_GLASS)
                .user(new DirectoryUser(ALICE_ID, "alice@contoso.example", "Alice", "Member", Set.of(BREAK_GLASS), Set.of()))
                .build();
        SignInFacts f = SignInFacts.builder().userPrincipalName("ALICE@contoso.example").build();
        Evaluation e = Eval.run(t, f);
        ConditionVerdict v = Eval.verdict(e, "p", Condition.USERS);
        assertVerdict(Verdict.NOT_SATISFIED, v);
        assertEquals(ALICE_ID, e.facts().userId());
        assertEquals(Set.of(BREAK_GLASS), e.facts().groupIds());
        assertReason(v, "Break-glass accounts");
    }

    @Test
    void noneIncludesNobody() {
        ConditionalAccessPolicy p = policy("p", "x").includeUsers("None").build();
        ConditionVerdict v = users(p, alice().build());
        assertVerdict(Verdict.NOT_SATISFIED, v);
        assertEquals("not included: the policy includes no users (None)", v.reason());
    }

    @Test
    void placeholderGroupIdsLeaveTheVerdictOpen() {
        ConditionalAccessPolicy p = policy("p", "template").includeUsers("All").excludeGroups("<ExclusionTempGroup>").build();
        ConditionVerdict v = users(p, alice().build());
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, v);
        assertReason(v, "group placeholder <ExclusionTempGroup> instead of a group id");
    }

    @Test
    void guestsByType() {
        ConditionalAccessPolicy p = policy("p", "Guests MFA")
                .includeGuests("all", List.of(), "b2bCollaborationGuest", "b2bCollaborationMember").build();
        SignInFacts guest = alice().userPrincipalName("bob_fabrikam.example#EXT#@contoso.onmicrosoft.com").userType("Guest")
                .groupIds(Set.of()).build();
        ConditionVerdict v = users(p, guest);
        assertVerdict(Verdict.SATISFIED, v);
        assertEquals("included as guest or external user of type b2bCollaborationGuest", v.reason());
        assertVerdict(Verdict.NOT_SATISFIED, users(p, alice().build()));
        SignInFacts direct = alice().guestOrExternalUserType("b2bDirectConnectUser").build();
        assertVerdict(Verdict.NOT_SATISFIED, users(p, direct));
    }

    @Test
    void guestTypeDerivedFromTheUpn() {
        ConditionalAccessPolicy p = policy("p", "x").includeGuests("all", List.of(), "b2bCollaborationMember").build();
        SignInFacts member = alice().userPrincipalName("carol_partner.example#EXT#@contoso.onmicrosoft.com").build();
        assertVerdict(Verdict.SATISFIED, users(p, member));
        SignInFacts unknownType = SignInFacts.builder().userId("u").build();
        ConditionVerdict open = users(p, unknownType);
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, open);
        assertReason(open, "guest or external user type is unknown");
    }

    @Test
    void internalGuestFromTheDirectory() {
        ConditionalAccessPolicy p = policy("p", "x").includeGuests("all", List.of(), "internalGuest").build();
        TenantContext t = Eval.tenant(p).user(new DirectoryUser("g1", "vendor@contoso.example", "Vendor", "Guest",
                Set.of(), Set.of())).build();
        ConditionVerdict v = Eval.verdict(Eval.run(t, SignInFacts.builder().userId("g1").build()), "p", Condition.USERS);
        assertVerdict(Verdict.SATISFIED, v);
        assertReason(v, "internalGuest");
    }

    @Test
    void guestsByTenant() {
        ConditionalAccessPolicy p = policy("p", "Partner guests").includeUsers("None")
                .includeGuests("enumerated", List.of(PARTNER_TENANT), "b2bCollaborationGuest").build();
        SignInFacts.Builder guest = alice().guestOrExternalUserType("b2bCollaborationGuest").userType("Guest");
        ConditionVerdict in = users(p, guest.homeTenantId(PARTNER_TENANT.toUpperCase()).build());
        assertVerdict(Verdict.SATISFIED, in);
        assertReason(in, "from tenant");
        assertVerdict(Verdict.NOT_SATISFIED, users(p, guest.homeTenantId("another-tenant").build()));
        ConditionVerdict unknown = users(p, guest.homeTenantId(null).build());
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, unknown);
        assertReason(unknown, "home tenant is unknown");
    }

    @Test
    void guestsExcludedByKeyword() {
        ConditionalAccessPolicy p = policy("p", "Members only").includeUsers("All").excludeUsers("GuestsOrExternalUsers").build();
        SignInFacts guest = alice().guestOrExternalUserType("b2bCollaborationGuest").build();
        ConditionVerdict v = users(p, guest);
        assertVerdict(Verdict.NOT_SATISFIED, v);
        assertEquals("excluded: a guest or external user (b2bCollaborationGuest)", v.reason());
        assertVerdict(Verdict.SATISFIED, users(p, alice().build()));
    }

    @Test
    void guestsExcludedByTypeAndTenant() {
        ConditionalAccessPolicy p = policy("p", "x").includeUsers("All")
                .excludeGuests("enumerated", List.of(PARTNER_TENANT), "b2bDirectConnectUser").build();
        SignInFacts direct = alice().guestOrExternalUserType("b2bDirectConnectUser").homeTenantId(PARTNER_TENANT).build();
        assertVerdict(Verdict.NOT_SATISFIED, users(p, direct));
        SignInFacts other = alice().guestOrExternalUserType("b2bDirectConnectUser").homeTenantId("other").build();
        assertVerdict(Verdict.SATISFIED, users(p, other));
    }

    @Test
    void aServicePrincipalIsNotInScopeOfAUserPolicy() {
        SignInFacts sp = SignInFacts.builder().servicePrincipalId("sp-1").appId(Eval.EXCHANGE).build();
        ConditionVerdict v = users(ALL_BUT_BREAK_GLASS, sp);
        assertVerdict(Verdict.NOT_SATISFIED, v);
        assertReason(v, "workload identity");
    }
}
