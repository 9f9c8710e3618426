using System.ComponentModel.DataAnnotations;

namespace ReportingPortal.Core.Reports;

public sealed class ReceiptOptions
{
    public const string Section = "Receipts";

    /// <summary>Base64 secret of at least 32 bytes; access codes are hashed and derived with keys taken from it.</summary>
    [Required(ErrorMessage = "Receipts:SecretKey is required: a base64 secret of at least 32 random bytes.")]
    public string SecretKey { get; set; } = "";
}
