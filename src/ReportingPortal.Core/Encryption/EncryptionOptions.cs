namespace ReportingPortal.Core.Encryption;

/// <summary>
/// The key-encryption keys that wrap each report's data key. They are never stored in the database: give them through
/// the environment or a secret store, as <c>Encryption__Keys__&lt;id&gt;</c>.
/// </summary>
public sealed class EncryptionOptions
{
    public const string Section = "Encryption";

    /// <summary>Key id → base64 of at least 32 random bytes. Every configured key can unwrap; ids are stored beside each report.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>The id of the key that wraps new data keys, and to which the re-wrap job moves old ones.</summary>
    public string CurrentKeyId { get; set; } = "";

    /// <summary>How many reports the re-wrap job moves to the current key per transaction.</summary>
    public int RewrapBatchSize { get; set; } = 500;
}
