namespace ReportingPortal.Core.Linking;

/// <summary>Which reports are linked because they name the same link, and the key their links' fingerprints are made with.</summary>
public sealed class LinkingOptions
{
    public const string Section = "Linking";

    /// <summary>Reports received at most this far apart that name the same link are linked.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Base64 of at least 32 random bytes that the fingerprints of links are made with; optional. Without it they are made
    /// with every key of Encryption:Keys, so linking holds while a key is rotated but not across a key's removal.
    /// </summary>
    public string? FingerprintKey { get; set; }
}
