using System.Net;
using ReportingPortal.Core.Accounts;
using ReportingPortal.IntegrationTests.Cases;
using ReportingPortal.Web;

namespace ReportingPortal.IntegrationTests.Encryption;

/// <summary>
/// What a reporter and responders type is stored only sealed: a dump of the database, as a backup or a replica holds
/// it, shows none of it, while the console and the emails still do.
/// </summary>
public sealed class EncryptionAtRestTests
{
    [Test]
    public async Task ADumpOfTheDatabaseHoldsNothingTypedWhileTheConsoleAndTheEmailsShowIt()
    {
        var portal = await Portal.Shared();
        var mark = Guid.NewGuid().ToString("N")[..12];
        var typed = new Dictionary<string, string>
        {
            ["Description"] = $"The coach {mark} sends my son messages at night",
            ["Urls"] = $"https://social.example/profile/coach{mark}",
            ["Platform"] = $"Chatter{mark}",
            ["Usernames"] = $"coach_{mark}",
            ["Region"] = $"Valley{mark}",
            ["ContactName"] = $"Parent {mark}",
            ["ContactEmail"] = $"parent.{mark}@family.example",
        };
        var answers = ReportAnswers.Identified(typed["ContactEmail"]).With("Category", "Other").With("ReporterRole", "OtherAdult");
        foreach (var (field, value) in typed)
            answers.With(field, value);
        using var reporter = portal.NewSession();
        var receipt = await reporter.SubmitReport(answers);
        var reference = receipt.Reference;

        var note = $"Called the club {mark}";
        var message = $"Did the coach {mark} write again?";
        var reason = $"The boy needs support {mark}";
        var reply = $"Yes, last night {mark}";
        var replyLink = $"https://social.example/post/{mark}";
        var account = await ConsoleAccounts.Create(portal, administrator: false, ("child-welfare", QueueRole.Responder));
        using var responder = portal.NewSession();
        (await responder.SignInToConsole(account)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CasePages.Press(responder, reference, "Take")).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        (await CasePages.Press(responder, reference, "Write", ("Writing", "InternalNote"), ("Note", note))).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        (await CasePages.Press(responder, reference, "Write", ("Writing", "MessageToReporter"), ("Note", message))).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        (await CasePages.Press(responder, reference, "Refer", ("ReferTo", "psychosocial"), ("Reason", reason))).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        await reporter.OpenReportAgain(reference, receipt.AccessCode);
        (await reporter.ReplyOnFollowUp(reply, replyLink)).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        await StoredDeliveries.WaitUntilSettled(reference);

        var dump = await TestDatabase.Dump(portal.ConnectionString);
        dump.ShouldContain(reference, customMessage: "the dump is of the portal's database");
        foreach (var secret in typed.Values.Concat([note, message, reason, reply, replyLink]))
        {
            dump.ShouldNotContain(secret, Case.Insensitive);
        }
        dump.ShouldNotContain(mark, customMessage: "no part of anything typed is in the dump");

        var (_, page) = await responder.GetPage(Routes.CaseOf(reference));
        var shown = page.Body!.TextContent;
        foreach (var said in typed.Values.Concat([note, message, reason, reply, replyLink]))
            shown.ShouldContain(said);
        var mail = TestRun.Smtp.Messages();
        mail.ShouldContain(email => email.Subject!.Contains(reference) && (email.TextBody ?? "").Contains(typed["Description"]),
            "the forward holds the description");
        mail.ShouldContain(email => email.Subject!.Contains(reference) && (email.TextBody ?? "").Contains(reason), "the referral holds its reason");
        mail.ShouldContain(email => SmtpServer.IsTo(email, typed["ContactEmail"]), "the acknowledgement reaches the address given");
    }
}
