using System.ComponentModel.DataAnnotations;

namespace ReportingPortal.Core.Acknowledgements;

/// <summary>
/// How the acknowledgement introduces itself in the reporter's inbox, which others may read. The address is
/// the one in Smtp:From; only the display name differs from the mail forwarded to responders.
/// </summary>
public sealed class AcknowledgementOptions
{
    public const string Section = "Acknowledgements";

    /// <summary>The sender name of the neutral acknowledgement (the default): it must not say what the email is about.</summary>
    [Required(ErrorMessage = "Acknowledgements:SenderName is required: a neutral sender name that does not mention abuse, children or reports.")]
    [MaxLength(100, ErrorMessage = "Acknowledgements:SenderName must be at most 100 characters.")]
    public string SenderName { get; set; } = "Message service";

    /// <summary>The sender name when the reporter asked for a plain acknowledgement that says what it is.</summary>
    [Required(ErrorMessage = "Acknowledgements:PlainSenderName is required: the sender name of the plain acknowledgement.")]
    [MaxLength(100, ErrorMessage = "Acknowledgements:PlainSenderName must be at most 100 characters.")]
    public string PlainSenderName { get; set; } = "Report child abuse";
}
