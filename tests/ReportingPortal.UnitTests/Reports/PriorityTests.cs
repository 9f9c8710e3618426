namespace ReportingPortal.UnitTests.Reports;

public sealed class PriorityTests
{
    [TestCase(ReporterRole.ParentOrCaregiver, ReportCategory.Grooming, ChildInDanger.Yes, Priority.Urgent)]
    [TestCase(ReporterRole.ChildAboutThemselves, ReportCategory.Sextortion, ChildInDanger.Yes, Priority.Urgent)]
    [TestCase(ReporterRole.ParentOrCaregiver, ReportCategory.Sextortion, ChildInDanger.No, Priority.High)]
    [TestCase(ReporterRole.ChildAboutThemselves, ReportCategory.Other, ChildInDanger.NotSure, Priority.High)]
    [TestCase(ReporterRole.ChildAboutSomeoneElse, ReportCategory.Grooming, ChildInDanger.NotSure, Priority.Normal)]
    [TestCase(ReporterRole.OtherAdult, ReportCategory.AbuseMaterialOnline, ChildInDanger.No, Priority.Normal)]
    [TestCase(ReporterRole.Professional, ReportCategory.AbuseInPerson, ChildInDanger.NotSure, Priority.Normal)]
    public void PriorityFollowsDangerThenSextortionOrAChildReportingAboutThemselves(
        ReporterRole role, ReportCategory category, ChildInDanger danger, Priority expected) =>
        Priorities.For(role, category, danger).ShouldBe(expected);

    [Test]
    public void AChildInDangerNowIsUrgentWhoeverReportsItAndWhateverHappened()
    {
        foreach (var role in Enum.GetValues<ReporterRole>())
        foreach (var category in Enum.GetValues<ReportCategory>())
            Priorities.For(role, category, ChildInDanger.Yes).ShouldBe(Priority.Urgent, $"{role}, {category}");
    }

    [Test]
    public void OnlyDangerSextortionOrAChildReportingAboutThemselvesRaiseAReportAboveNormal()
    {
        var raised =
            from role in Enum.GetValues<ReporterRole>()
            from category in Enum.GetValues<ReportCategory>()
            from danger in new[] { ChildInDanger.No, ChildInDanger.NotSure }
            where Priorities.For(role, category, danger) != Priority.Normal
            select (role, category);

        raised.ShouldAllBe(report => report.category == ReportCategory.Sextortion || report.role == ReporterRole.ChildAboutThemselves);
    }

    /// <summary>The dispatcher hands out the lowest value first.</summary>
    [Test]
    public void UrgentSortsBeforeHighBeforeNormal() =>
        new[] { Priority.Normal, Priority.Urgent, Priority.High }.Order().ShouldBe([Priority.Urgent, Priority.High, Priority.Normal]);
}
