using System.ComponentModel.DataAnnotations;

namespace ReportingPortal.Core.Reports;

public sealed class ReceiptOptions
{
    public const string Section = "Receipts";

    /// <summary>Base64 secret of at least 32 bytes; access codes are hashed and derived with keys taken from it.</summary>
    [Required(ErrorMessage = "Receipts:SecretKey is required: a base64 secret of at least 32 random bytes.")]
    public string SecretKey { get; set; } = "";

    /// <summary>How long after a report is stored the browser that sent it may send the form again and see its
    /// receipt, access code included, once more (Back and Send); anyone else, or later, is told only that it was received.</summary>
    public TimeSpan ResendWindow { get; set; } = TimeSpan.FromMinutes(5);
}
