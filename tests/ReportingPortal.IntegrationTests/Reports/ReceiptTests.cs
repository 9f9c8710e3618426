using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;

namespace ReportingPortal.IntegrationTests.Reports;

public sealed partial class ReceiptTests
{
    private Portal _portal = null!;

    [OneTimeSetUp]
    public async Task StartPortal() => _portal = await Portal.Shared();

    [Test]
    public async Task SubmittingAReportShowsAReceiptWithAReferenceAndAnAccessCode()
    {
        using var visitor = _portal.NewSession();

        var receipt = await visitor.SubmitReport(ReportAnswers.Anonymous());

        receipt.Reference.ShouldMatch(@"^RP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$");
        receipt.AccessCode.ShouldMatch(@"^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$");
        var text = receipt.Page.Body!.TextContent;
        text.ShouldContain("We have received your report");
        text.ShouldContain("What happens next");
        text.ShouldContain("Is a child in danger right now?");
        text.ShouldContain("cannot be sent again or recovered");
    }

    [Test]
    public async Task TheReceiptPageIsNotCacheable()
    {
        using var visitor = _portal.NewSession();

        var receipt = await visitor.SubmitReport(ReportAnswers.Anonymous());

        receipt.Response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        receipt.Response.Headers.Pragma.ToString().ShouldContain("no-cache");
    }

    [Test]
    public async Task TheAccessCodeNeverAppearsInAUrl()
    {
        using var visitor = _portal.NewSession();
        var response = await visitor.SendReport(ReportAnswers.Anonymous());

        var receipt = await visitor.ReadReceipt(response);

        response.Headers.Location!.ToString().ShouldBe("/report/receipt");
        receipt.Page.QuerySelectorAll("a[href], form[action]")
            .Select(element => element.GetAttribute("href") ?? element.GetAttribute("action"))
            .ShouldAllBe(url => !url!.Contains(receipt.AccessCode.Replace("-", "")) && !url.Contains(receipt.AccessCode));
    }

    [Test]
    public async Task TheAccessCodeIsShownOnlyOnce()
    {
        using var visitor = _portal.NewSession();
        var receipt = await visitor.SubmitReport(ReportAnswers.Anonymous());

        var (response, page) = await visitor.GetPage("/report/receipt");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Body!.TextContent.ShouldNotContain(receipt.AccessCode);
        page.Body.TextContent.ShouldContain("This receipt has already been shown");
    }

    [Test]
    public async Task TheAccessCodeIsNowhereInTheDatabaseInPlainText()
    {
        using var visitor = _portal.NewSession();
        var receipt = await visitor.SubmitReport(ReportAnswers.Anonymous());
        var compact = receipt.AccessCode.Replace("-", "");

        await using var connection = await TestDatabase.Open();
        var everyRow = string.Join('\n', await connection.QueryAsync<string>("""
            select t::text from (
                select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema')
            ) tables, lateral (select query_to_xml(format('select * from %s', tables.name), true, false, '')) as t(xml)
            """));

        everyRow.ShouldContain(receipt.Reference, customMessage: "the search reads the reports table");
        everyRow.ShouldNotContain(compact, Case.Insensitive);
        everyRow.ShouldNotContain(receipt.AccessCode, Case.Insensitive);
        everyRow.ShouldNotContain(Convert.ToHexString(Encoding.ASCII.GetBytes(compact)), Case.Insensitive);
    }

    [Test]
    public async Task TheDatabaseKeepsAKeyedHashOfTheAccessCode()
    {
        using var visitor = _portal.NewSession();
        var receipt = await visitor.SubmitReport(ReportAnswers.Anonymous());

        var stored = await StoredReport.Load(receipt.Reference);

        var compact = Encoding.ASCII.GetBytes(receipt.AccessCode.Replace("-", ""));
        stored.access_code_hash.Length.ShouldBe(32);
        stored.access_code_hash.ShouldNotBe(SHA256.HashData(compact), "an unkeyed hash could be checked by anyone with the database");
        var hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(Portal.TestSecret), 32,
            info: "access-code-hash"u8.ToArray());
        stored.access_code_hash.ShouldBe(HMACSHA256.HashData(hashKey, compact));
    }

    [Test]
    public async Task AccessCodesCarryAtLeast80BitsAndDifferEveryTime()
    {
        using var visitor = _portal.NewSession();
        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
            codes.Add((await visitor.SubmitReport(ReportAnswers.Anonymous($"Entropy check {i}."))).AccessCode);

        codes.Distinct().Count().ShouldBe(codes.Count);
        codes.ShouldAllBe(code => CodeCharacters().Matches(code).Count * 5 >= 80);
    }

    [GeneratedRegex("[0-9A-HJKMNP-TV-Z]")]
    private static partial Regex CodeCharacters();
}
