using ReportingPortal.Web.Shared;

namespace ReportingPortal.UnitTests.Shared;

public sealed class CsvTests
{
    [TestCase("=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"")]
    [TestCase("+1+1", "\"'+1+1\"")]
    [TestCase("-2+3", "\"'-2+3\"")]
    [TestCase("@SUM(A1)", "\"'@SUM(A1)\"")]
    [TestCase("\t=1", "\"'\t=1\"")]
    public void ACellASpreadsheetWouldRunAsAFormulaBecomesText(string value, string expected) =>
        Csv.Cell(value).ShouldBe(expected);

    [TestCase("FirstAction.Overdue", "\"FirstAction.Overdue\"")]
    [TestCase("a, \"quoted\" value", "\"a, \"\"quoted\"\" value\"")]
    [TestCase("x=1", "\"x=1\"")]
    [TestCase(null, "\"\"")]
    public void AnOrdinaryCellIsQuotedAndKeptAsItIs(string? value, string expected) =>
        Csv.Cell(value).ShouldBe(expected);

    [Test]
    public void ALineEndsWithCarriageReturnAndLineFeed() =>
        Csv.Line(["a", null, "=b"]).ShouldBe("\"a\",\"\",\"'=b\"\r\n");
}
