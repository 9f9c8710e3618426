using ReportingPortal.Core.Accounts;

namespace ReportingPortal.UnitTests.Accounts;

public sealed class PasswordPolicyTests
{
    private static readonly CommonPasswords Common = new();
    private readonly PasswordPolicy _policy = new(Common);

    [Test]
    public void TheShippedListHoldsTensOfThousandsOfCommonPasswords() => Common.Count.ShouldBeGreaterThan(10_000);

    [Test]
    public void TheShippedListSaysWhereItComesFromAndItsLicence()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("ReportingPortal.Core.Accounts.common-passwords.txt")!;
        var firstLine = new StreamReader(stream).ReadLine()!;

        firstLine.ShouldContain("SecLists");
        firstLine.ShouldContain("CC BY-SA 3.0");
        Common.Contains(firstLine).ShouldBeFalse("the first line is the source, not a password");
    }

    [TestCase("a long and uncommon passphrase")]
    [TestCase("tWelve chars")]
    public void ALongUncommonPasswordIsAccepted(string password) => _policy.Check(password, "someone@example.org").ShouldBeNull();

    [TestCase("")]
    [TestCase("elevenchars")]
    public void APasswordUnderTwelveCharactersIsTooShort(string password) =>
        _policy.Check(password, "someone@example.org").ShouldBe(PasswordProblem.TooShort);

    [TestCase("1qaz2wsx3edc")]
    [TestCase("1QAZ2WSX3EDC")]
    [TestCase("Qwertyuiop123")]
    public void ACommonPasswordIsRefusedWhateverItsCase(string password) =>
        _policy.Check(password, "someone@example.org").ShouldBe(PasswordProblem.Common);

    [Test]
    public void ThePasswordCannotBeTheEmail() =>
        _policy.Check("Someone.Long@Example.org", "someone.long@example.org").ShouldBe(PasswordProblem.SameAsEmail);
}
