using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Cases;
using ReportingPortal.Core.Encryption;
using ReportingPortal.IntegrationTests.Forwarding;
using ReportingPortal.Web;
using ReportingPortal.Web.Cases;

namespace ReportingPortal.IntegrationTests.Cases;

/// <summary>
/// The bulk export over real HTTP, on a portal with a database of its own so that every count is known: 300 cases of
/// child welfare and 2 of the hotline written with sealed content a month ago, and today two reports through the form,
/// one of them since deleted by retention.
/// </summary>
public sealed class CaseExportTests
{
    private const string Formula = "=HYPERLINK(\"https://evil.example\",\"open\")";

    private Portal _portal = null!;
    private PortalSession _supervisor = null!;
    private TestAccount _supervisorAccount = null!;
    private PortalSession _otherSupervisor = null!;
    private TestAccount _otherSupervisorAccount = null!;
    private PortalSession _responder = null!;
    private TestAccount _responderAccount = null!;
    private PortalSession _administrator = null!;

    private readonly List<string> _written = [];
    private DateOnly _monthAgo;
    private DateOnly _today;
    private string _withFormula = "";
    private string _deleted = "";

    [OneTimeSetUp]
    public async Task Start()
    {
        _portal = await Portal.StartIsolated(TestRun.Smtp, processes: PortalProcesses.WebOnly);
        (_supervisorAccount, _supervisor) = await SignedIn(false, ("child-welfare", QueueRole.Supervisor));
        (_otherSupervisorAccount, _otherSupervisor) = await SignedIn(false, ("hotline", QueueRole.Supervisor), ("child-welfare", QueueRole.Responder));
        (_responderAccount, _responder) = await SignedIn(false, ("child-welfare", QueueRole.Responder));
        (_, _administrator) = await SignedIn(true);

        _today = DateOnly.FromDateTime(DateTime.UtcNow);
        _monthAgo = _today.AddDays(-30);
        var start = new DateTimeOffset(_monthAgo.ToDateTime(new TimeOnly(0, 30)), TimeSpan.Zero);
        await using (var connection = new NpgsqlConnection(_portal.ConnectionString))
        {
            await connection.OpenAsync();
            for (var k = 0; k < 300; k++)
                _written.Add(await Write(connection, start.AddMinutes(4 * k), "child-welfare", $"Case number {k} of the export."));
            for (var k = 0; k < 2; k++)
                await Write(connection, start.AddMinutes(4 * k + 1), "hotline", "A hotline case.");
        }

        using var visitor = _portal.NewSession();
        _withFormula = (await visitor.SubmitReport(ReportAnswers.Anonymous(Formula).With("Category", "Other").With("ReporterRole", "OtherAdult"))).Reference;
        _deleted = (await visitor.SubmitReport(ReportAnswers.Identified("gone@family.example").With("Category", "Other").With("ReporterRole", "OtherAdult"))).Reference;
        await using (var connection = new NpgsqlConnection(_portal.ConnectionString))
        {
            await connection.OpenAsync();
            // What the retention job does to a report whose content expired.
            await connection.ExecuteAsync("update reports set content = null, data_key = null, link_fingerprints = null, content_deleted_at = now() where reference = @_deleted", new { _deleted });
        }
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        foreach (var session in new[] { _supervisor, _otherSupervisor, _responder, _administrator })
            session?.Dispose();
        if (_portal is not null)
            await _portal.DisposeAsync();
    }

    private Task<(TestAccount Account, PortalSession Session)> SignedIn(bool administrator, params (string Queue, QueueRole Role)[] queues) =>
        ConsoleAccounts.SignedIn(_portal, administrator, queues);

    /// <summary>A report and its case in one queue, its content sealed as the submit handler seals it.</summary>
    private static async Task<string> Write(NpgsqlConnection connection, DateTimeOffset receivedAt, string queue, string description)
    {
        var reference = $"RP-{Code()}-{Code()}";
        var key = Portal.TestKeys.NewReportKey(reference);
        var content = new ReportContent(["https://site.example/" + reference], "Example", "someone", "Lyon", description, null, null);
        var id = await connection.ExecuteScalarAsync<long>("""
            insert into reports (reference, access_code_hash, form_key_hash, language, reporter_role, category, country, occurred,
                                 child_age_range, child_in_danger, contact_preference, received_at, priority, key_id, data_key, content)
            values (@reference, @Hash, @Hash, 'en', 'OtherAdult', 'Other', 'FR', 'ThisWeek', 'From10To12', 'No', 'Anonymous',
                    @receivedAt, 'Normal', @KeyId, @WrappedKey, @Sealed)
            returning id
            """, new { reference, Hash = RandomNumberGenerator.GetBytes(32), receivedAt, key.KeyId, key.WrappedKey,
                       Sealed = key.Seal(content, SealedPurpose.ReportContent) });
        await connection.ExecuteAsync("""
            insert into cases (report_id, first_action_due, feedback_due, priority_rank) values (@id, @receivedAt, @receivedAt, 2);
            insert into case_queues (report_id, queue, how) values (@id, @queue, 'Routed');
            """, new { id, receivedAt, queue });
        return reference;
    }

    private static string Code() =>
        string.Concat(Enumerable.Range(0, 4).Select(_ => "0123456789ABCDEFGHJKMNPQRSTVWXYZ"[RandomNumberGenerator.GetInt32(32)]));

    private static string ExportPath(string handler, string? queue, DateOnly? from, DateOnly? to) => Routes.ConsoleExport + QueryString(new()
    {
        ["handler"] = handler,
        ["queue"] = queue,
        ["from"] = from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    });

    private static string QueryString(Dictionary<string, string?> values) =>
        "?" + string.Join('&', values.Where(pair => pair.Value is not null).Select(pair => $"{pair.Key}={Uri.EscapeDataString(pair.Value!)}"));

    private async Task<IReadOnlyList<string?>> ExportsAuditedFor(long accountId)
    {
        await using var connection = new NpgsqlConnection(_portal.ConnectionString);
        return (await connection.QueryAsync<string?>("select detail from audit_log where action = @Action and actor_account_id = @accountId order by id",
            new { Action = nameof(AuditAction.CasesExported), accountId })).ToList();
    }

    [Test]
    public async Task ASupervisorExportsAMonthOfTheirQueueAsJsonLinesStreamedAndEveryLineIsAValidForwardDocument()
    {
        var before = await ExportsAuditedFor(_supervisorAccount.Id);

        using var response = await _supervisor.Client.GetAsync(ExportPath("jsonl", "child-welfare", _monthAgo, _monthAgo.AddDays(1)),
            HttpCompletionOption.ResponseHeadersRead);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/jsonl");
        response.Content.Headers.ContentLength.ShouldBeNull("the export is streamed, not built whole first");
        response.Headers.TransferEncodingChunked.ShouldBe(true);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(300, $"more than {CaseDocuments.BatchSize} a batch, so several batches");
        var documents = lines.Select(line => ForwardDocuments.Valid(Encoding.UTF8.GetBytes(line))).ToList();
        documents.Select(document => document.Reference).ShouldBe(_written, "oldest first, none of the hotline's");
        documents.ShouldAllBe(document => document.Queue.Name == "child-welfare" && document.Referral == null && !document.ContentDeleted);
        documents[123].AdditionalInformation.ShouldBe("Case number 123 of the export.");
        documents[123].InternetDetails!.WebPageUrls.ShouldBe([$"https://site.example/{_written[123]}"]);
        (await ExportsAuditedFor(_supervisorAccount.Id)).Skip(before.Count).ShouldHaveSingleItem()
            .ShouldBe($"queue child-welfare, {_monthAgo:yyyy-MM-dd} to {_monthAgo.AddDays(1):yyyy-MM-dd}, 300 cases, jsonl");
    }

    [Test]
    public async Task TheCsvExportMakesFormulasPlainTextAndShowsADeletedReportAsItsSkeleton()
    {
        var response = await _supervisor.Get(ExportPath("csv", "child-welfare", _today, _today));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var rows = ParseCsv(await response.Content.ReadAsStringAsync());
        rows[0].ShouldBe(CaseExportCsv.Header);
        var byReference = rows.Skip(1).ToDictionary(row => row[0], row => rows[0].Zip(row).ToDictionary(pair => pair.First, pair => pair.Second));
        byReference.Keys.ShouldBe([_withFormula, _deleted], ignoreOrder: true);
        byReference[_withFormula]["additional_information"].ShouldBe("'" + Formula);
        byReference[_withFormula]["content_deleted"].ShouldBe("false");
        byReference[_withFormula]["web_page_urls"].ShouldBe("https://social.example/profile/stranger123");
        byReference[_deleted]["content_deleted"].ShouldBe("true");
        byReference[_deleted]["additional_information"].ShouldBe("");
        byReference[_deleted]["reporter_email"].ShouldBe("");
        byReference[_deleted]["incident_type"].ShouldBe("Other");
        byReference[_deleted]["contact_preference"].ShouldBe("Email");
    }

    [Test]
    public async Task ADeletedReportIsAValidSkeletonInTheJsonLinesExport()
    {
        var response = await _supervisor.Get(ExportPath("jsonl", "child-welfare", _today, _today));

        var documents = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => ForwardDocuments.Valid(Encoding.UTF8.GetBytes(line))).ToDictionary(document => document.Reference);
        var skeleton = documents[_deleted];
        skeleton.ContentDeleted.ShouldBeTrue();
        skeleton.AdditionalInformation.ShouldBeNull();
        skeleton.InternetDetails.ShouldBeNull();
        skeleton.Reporter.Email.ShouldBeNull();
        skeleton.Location.ShouldBe(new Core.Forwarding.ForwardDocument.LocationSection("FR", "France", null));
        documents[_withFormula].AdditionalInformation.ShouldBe(Formula, "JSON needs no defence against formulas");
    }

    [Test]
    public async Task ASupervisorOfAnotherQueueAndAResponderAreRefusedAndNothingIsExportedOrAudited()
    {
        var other = await _otherSupervisor.Get(ExportPath("jsonl", "child-welfare", _monthAgo, _today));
        var responder = await _responder.Get(ExportPath("csv", "child-welfare", _monthAgo, _today));
        var responderPage = await _responder.Get(Routes.ConsoleExport);

        other.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.Content.ReadAsStringAsync()).ShouldNotContain("Case number");
        responder.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await responder.Content.ReadAsStringAsync()).ShouldNotContain("Case number");
        responderPage.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ExportsAuditedFor(_otherSupervisorAccount.Id)).ShouldBeEmpty();
        (await ExportsAuditedFor(_responderAccount.Id)).ShouldBeEmpty();
    }

    [Test]
    public async Task AnAdministratorExportsAnyQueue()
    {
        var response = await _administrator.Get(ExportPath("jsonl", "hotline", _monthAgo, _monthAgo));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => ForwardDocuments.Valid(Encoding.UTF8.GetBytes(line)).Queue.Name).ShouldBe(["hotline", "hotline"]);
    }

    [TestCase(null, "2026-01-01", "2026-01-31", HttpStatusCode.BadRequest)]
    [TestCase("child-welfare", "2026-02-01", "2026-01-01", HttpStatusCode.BadRequest)]
    [TestCase("child-welfare", "2024-01-01", "2026-01-01", HttpStatusCode.BadRequest)]
    [TestCase("child-welfare", "not-a-date", "2026-01-01", HttpStatusCode.BadRequest)]
    [TestCase("no-such-queue", "2026-01-01", "2026-01-31", HttpStatusCode.Forbidden)]
    public async Task AnExportThatCannotBeMadeSaysWhyWithoutAnError(string? queue, string from, string to, HttpStatusCode status)
    {
        var response = await _supervisor.Get(Routes.ConsoleExport + QueryString(new() { ["handler"] = "csv", ["queue"] = queue, ["from"] = from, ["to"] = to }));

        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await PortalSession.Parse(response)).QuerySelector("#problem").ShouldNotBeNull();
    }

    /// <summary>RFC 4180 as the export writes it: every cell quoted, quotes doubled, line breaks inside cells.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                for (i++; i < text.Length; i++)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                        cell.Append(text[++i]);
                    else if (text[i] == '"')
                        break;
                    else
                        cell.Append(text[i]);
                }
            }
            else if (text[i] == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
        }
        return rows;
    }
}
