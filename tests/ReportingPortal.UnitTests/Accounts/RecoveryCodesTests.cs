using ReportingPortal.Core.Accounts;

namespace ReportingPortal.UnitTests.Accounts;

public sealed class RecoveryCodesTests
{
    [Test]
    public void TenDifferentCodesAreMade()
    {
        var codes = RecoveryCodes.New();

        codes.Count.ShouldBe(10);
        codes.Distinct().Count().ShouldBe(10);
        codes.ShouldAllBe(code => code.Length == 11 && code[5] == '-');
    }

    [Test]
    public void ACodeTypedInCapitalsOrWithoutTheDashHashesTheSame()
    {
        var code = RecoveryCodes.New()[0];

        RecoveryCodes.Hash(code.ToUpperInvariant().Replace("-", " ")).ShouldBe(RecoveryCodes.Hash(code));
    }
}
