namespace ReportingPortal.Core.Audit;

/// <summary>What an administrator narrows the audit log to; every part is optional. Dates are whole UTC days, both included.</summary>
public sealed record AuditFilter(AuditAction? Action = null, long? AccountId = null, string? Reference = null, DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>The filter in words of names and numbers, for the audit line of an export.</summary>
    public string Describe() => string.Join("; ", new[]
    {
        Action is null ? null : $"action={Action}",
        AccountId is null ? null : $"account={AccountId}",
        Reference is null ? null : $"reference={Reference}",
        From is null ? null : $"from={From:yyyy-MM-dd}",
        To is null ? null : $"to={To:yyyy-MM-dd}",
    }.OfType<string>().DefaultIfEmpty("all"));
}
