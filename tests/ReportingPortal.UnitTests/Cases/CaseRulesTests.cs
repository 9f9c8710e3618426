using ReportingPortal.Core.Cases;

namespace ReportingPortal.UnitTests.Cases;

public sealed class CaseRulesTests
{
    [TestCase(CaseStatus.New, CaseStatus.InProgress, true)]
    [TestCase(CaseStatus.New, CaseStatus.Referred, true)]
    [TestCase(CaseStatus.InProgress, CaseStatus.Referred, true)]
    [TestCase(CaseStatus.Referred, CaseStatus.InProgress, true)]
    [TestCase(CaseStatus.InProgress, CaseStatus.InProgress, false)]
    [TestCase(CaseStatus.InProgress, CaseStatus.New, false)]
    [TestCase(CaseStatus.InProgress, CaseStatus.Closed, false)]
    [TestCase(CaseStatus.Closed, CaseStatus.InProgress, false)]
    public void AStatusIsSetByHandOnlyForwardToInProgressOrReferredAndNeverOnAClosedCase(CaseStatus from, CaseStatus to, bool allowed) =>
        CaseStatusChanges.Allowed(from, to).ShouldBe(allowed);

    [TestCase(null, false, true)]
    [TestCase(7L, false, true)]
    [TestCase(8L, false, false)]
    [TestCase(8L, true, true)]
    public void ACaseIsWorkedOnByItsOwnerByAnyoneWhileNobodyOwnsItOrByASupervisor(long? owner, bool supervisor, bool mayWork) =>
        new CaseAccess(1, "RP-TEST-0001", CaseStatus.InProgress, owner, Priority.Normal, IsMember: true, supervisor, KeyId: null, DataKey: null)
            .MayWorkOn(7).ShouldBe(mayWork);

    [TestCase("  Called the school.  ", "Called the school.")]
    [TestCase("Line one\r\nline two", "Line one\nline two")]
    [TestCase("safe\u202Etxt.exe", "safetxt.exe")]
    [TestCase(" \u200B\t ", null)]
    [TestCase(null, null)]
    public void TextOnACaseIsCleanedAsTheReportFormsIs(string? written, string? stored) =>
        CaseText.Clean(written).ShouldBe(stored);
}
