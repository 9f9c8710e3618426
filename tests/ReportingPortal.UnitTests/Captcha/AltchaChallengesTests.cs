using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ReportingPortal.Testing;
using ReportingPortal.Web.Captcha;

namespace ReportingPortal.UnitTests.Captcha;

/// <summary>
/// The signed ALTCHA challenge and the check of a solution, without the database: that a solution is used for one
/// form only is the verifier's job, tested against PostgreSQL in the integration tests.
/// </summary>
public sealed class AltchaChallengesTests
{
    private static readonly TimeSpan Expires = TimeSpan.FromMinutes(20);
    private readonly Clock _clock = new(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero));
    private AltchaChallenges _challenges = null!;

    [SetUp]
    public void Issue() => _challenges = With(Key(1));

    private AltchaChallenges With(byte[] key) => new(Options.Create(new CaptchaOptions
    {
        Altcha = new AltchaOptions { HmacKey = Convert.ToBase64String(key), MaxNumber = 500, MaxNumberCeiling = 1000, Expires = Expires },
    }), _clock);

    private static byte[] Key(byte fill) => Enumerable.Repeat(fill, 32).ToArray();

    /// <summary>The challenge as the widget receives it from /captcha/challenge.</summary>
    private AltchaSolver.Challenge Fetch(int maxNumber = 500) =>
        JsonSerializer.Deserialize<AltchaSolver.Challenge>(JsonSerializer.SerializeToUtf8Bytes(_challenges.Create(maxNumber)))!;

    [Test]
    public void AChallengeSolvedAsTheWidgetSolvesItIsValidUntilItExpires()
    {
        var solution = _challenges.Check(AltchaSolver.Solved(Fetch()));

        solution.ShouldNotBeNull();
        solution.ExpiresAt.ShouldBe(_clock.Now + Expires);
    }

    [Test]
    public void TheSecretNumberIsNeverAboveTheMaximumAsked()
    {
        for (var i = 0; i < 50; i++)
            AltchaSolver.Solve(Fetch(maxNumber: 3)).ShouldBeInRange(0, 3);
    }

    [Test]
    public void AnExpiredChallengeIsRefused()
    {
        var payload = AltchaSolver.Solved(Fetch());
        _clock.Now += Expires - TimeSpan.FromSeconds(1);
        _challenges.Check(payload).ShouldNotBeNull();

        _clock.Now += TimeSpan.FromSeconds(1);
        _challenges.Check(payload).ShouldBeNull();
    }

    [Test]
    public void AWrongNumberIsRefused()
    {
        var challenge = Fetch();

        _challenges.Check(AltchaSolver.Payload(challenge, AltchaSolver.Solve(challenge) + 1)).ShouldBeNull();
    }

    [Test]
    public void AChangedSignatureIsRefused()
    {
        var challenge = Fetch();
        var signature = (challenge.Signature[0] == 'a' ? "b" : "a") + challenge.Signature[1..];

        _challenges.Check(AltchaSolver.Payload(challenge, AltchaSolver.Solve(challenge), signature: signature)).ShouldBeNull();
    }

    [Test]
    public void AChallengeSignedWithAnotherKeyIsRefused()
    {
        var elsewhere = With(Key(2)).Create(500);
        var challenge = JsonSerializer.Deserialize<AltchaSolver.Challenge>(JsonSerializer.SerializeToUtf8Bytes(elsewhere))!;

        _challenges.Check(AltchaSolver.Solved(challenge)).ShouldBeNull();
    }

    [Test]
    public void ASaltWithALaterExpiryIsRefused()
    {
        var challenge = Fetch();
        var later = _clock.Now.AddDays(1).ToUnixTimeSeconds();
        var salt = challenge.Salt[..(challenge.Salt.IndexOf("expires=", StringComparison.Ordinal) + "expires=".Length)] + $"{later}&";
        // Solved honestly for the changed salt, so only the signature over the original challenge can refuse it.
        var forged = challenge with { Salt = salt, Hash = HashOf(salt, 7) };

        _challenges.Check(AltchaSolver.Payload(forged, 7)).ShouldBeNull();
    }

    [Test]
    public void AChallengeTheClientMadeEasierIsRefused()
    {
        var challenge = Fetch();
        var easier = challenge with { Hash = HashOf(challenge.Salt, 0) };

        _challenges.Check(AltchaSolver.Payload(easier, 0)).ShouldBeNull();
    }

    [Test]
    public void ANumberAboveTheCeilingIsRefusedBeforeAnyHashing()
    {
        var challenge = Fetch();

        _challenges.Check(AltchaSolver.Payload(challenge, 1001)).ShouldBeNull();
    }

    private static IEnumerable<TestCaseData> Malformed()
    {
        static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
        yield return new TestCaseData("").SetArgDisplayNames("empty");
        yield return new TestCaseData("not base64 at all!").SetArgDisplayNames("not base64");
        yield return new TestCaseData(Base64("not json")).SetArgDisplayNames("not JSON");
        yield return new TestCaseData(Base64("{}")).SetArgDisplayNames("empty object");
        yield return new TestCaseData(Base64("[1,2,3]")).SetArgDisplayNames("an array");
        yield return new TestCaseData(Base64("""{"algorithm":"SHA-256","number":"seven"}""")).SetArgDisplayNames("a number as text");
        yield return new TestCaseData(Base64(new string(' ', 3000) + "{}")).SetArgDisplayNames("too long");
    }

    [TestCaseSource(nameof(Malformed))]
    public void AMalformedPayloadIsRefused(string payload) => _challenges.Check(payload).ShouldBeNull();

    [Test]
    public void AnotherAlgorithmIsRefused()
    {
        var challenge = Fetch();

        _challenges.Check(AltchaSolver.Payload(challenge with { Algorithm = "SHA-1" }, AltchaSolver.Solve(challenge))).ShouldBeNull();
    }

    [Test]
    public void ANegativeNumberIsRefused() => _challenges.Check(AltchaSolver.Payload(Fetch(), -1)).ShouldBeNull();

    private static string HashOf(string salt, int number) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + number)));

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
