namespace ReportingPortal.Web.Operators;

/// <summary>The operator account for the job dashboard and mail status. Without a password, both stay closed.</summary>
public sealed class OperatorsOptions
{
    public const string Section = "Operators";

    public string UserName { get; set; } = "operator";

    public string? Password { get; set; }
}
