using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using ReportingPortal.Core.Email;

namespace ReportingPortal.UnitTests.Email;

/// <summary>Which failures are retried (the server or the network may recover) and which are final (the server said no).</summary>
public sealed class DeliveryFailureTests
{
    private static SmtpCommandException Refused(SmtpStatusCode status, string said = "the server's own words") =>
        new(SmtpErrorCode.RecipientNotAccepted, status, MailboxAddress.Parse("duty@childwelfare.example"), said);

    [TestCase(SmtpStatusCode.MailboxUnavailable, "550 RecipientNotAccepted")]
    [TestCase(SmtpStatusCode.UserNotLocalTryAlternatePath, "551 RecipientNotAccepted")]
    [TestCase(SmtpStatusCode.ExceededStorageAllocation, "552 RecipientNotAccepted")]
    [TestCase(SmtpStatusCode.MailboxNameNotAllowed, "553 RecipientNotAccepted")]
    [TestCase(SmtpStatusCode.TransactionFailed, "554 RecipientNotAccepted")]
    public void AFiveHundredAnswerIsPermanent(SmtpStatusCode status, string description) =>
        DeliveryFailure.From(Refused(status)).ShouldBe(new DeliveryFailure(true, description));

    [TestCase(SmtpStatusCode.ServiceNotAvailable, "421 RecipientNotAccepted")]
    [TestCase(SmtpStatusCode.MailboxBusy, "450 RecipientNotAccepted")]
    [TestCase(SmtpStatusCode.ErrorInProcessing, "451 RecipientNotAccepted")]
    [TestCase(SmtpStatusCode.InsufficientStorage, "452 RecipientNotAccepted")]
    public void AFourHundredAnswerIsRetried(SmtpStatusCode status, string description) =>
        DeliveryFailure.From(Refused(status)).ShouldBe(new DeliveryFailure(false, description));

    [TestCase(SocketError.ConnectionRefused)]
    [TestCase(SocketError.HostNotFound)]
    [TestCase(SocketError.TimedOut)]
    [TestCase(SocketError.NetworkUnreachable)]
    public void ANetworkFailureIsRetried(SocketError error) =>
        DeliveryFailure.From(new SocketException((int)error)).ShouldBe(new DeliveryFailure(false, $"network: {error}"));

    private static IEnumerable<TestCaseData> ServerTrouble()
    {
        yield return new TestCaseData(new AuthenticationException("535 bad credentials"), "authentication with the SMTP server failed")
            .SetArgDisplayNames("authentication refused");
        yield return new TestCaseData(new SslHandshakeException("certificate expired"), "TLS handshake with the SMTP server failed")
            .SetArgDisplayNames("TLS handshake failed");
        yield return new TestCaseData(new ServiceNotConnectedException("gone"), "connection lost").SetArgDisplayNames("not connected");
        yield return new TestCaseData(new SmtpProtocolException("unexpected reply"), "connection lost").SetArgDisplayNames("protocol error");
        yield return new TestCaseData(new IOException("broken pipe"), "connection lost").SetArgDisplayNames("connection reset");
        yield return new TestCaseData(new TimeoutException("slow"), "timed out").SetArgDisplayNames("timeout");
        yield return new TestCaseData(new OperationCanceledException("slow"), "timed out").SetArgDisplayNames("cancelled");
        yield return new TestCaseData(new InvalidOperationException("odd"), nameof(InvalidOperationException)).SetArgDisplayNames("anything else");
    }

    [TestCaseSource(nameof(ServerTrouble))]
    public void TroubleWithTheServerOrTheConnectionIsRetried(Exception exception, string description) =>
        DeliveryFailure.From(exception).ShouldBe(new DeliveryFailure(false, description));

    [Test]
    public void TheDescriptionKeepsNothingTheServerSaid()
    {
        var failure = DeliveryFailure.From(Refused(SmtpStatusCode.MailboxUnavailable, "5.1.1 <sam@family.example>: user unknown"));

        failure.Description.ShouldNotContain("sam@family.example");
        failure.Description.ShouldNotContain("duty@childwelfare.example");
        failure.Description.ShouldNotContain("user unknown");
    }
}
