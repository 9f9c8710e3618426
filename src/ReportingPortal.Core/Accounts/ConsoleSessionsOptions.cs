namespace ReportingPortal.Core.Accounts;

/// <summary>How long a console session lasts: ended after <see cref="IdleTimeout"/> unused, and after <see cref="Lifetime"/> however much it is used.</summary>
public sealed class ConsoleSessionsOptions
{
    public const string Section = "Console";

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(8);
}
