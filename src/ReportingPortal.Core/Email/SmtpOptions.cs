using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace ReportingPortal.Core.Email;

public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    [Required(ErrorMessage = "Smtp:Host is required: the SMTP server that sends the portal's mail.")]
    public string Host { get; set; } = "";

    [Range(1, 65535, ErrorMessage = "Smtp:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, for example "Report child abuse &lt;no-reply@portal.example.org&gt;".</summary>
    [Required(ErrorMessage = "Smtp:From is required: the sender address of the portal's mail.")]
    public string From { get; set; } = "";

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Connections kept open and reused; MailKit's client is not thread-safe, so each send takes one.</summary>
    [Range(1, 64)]
    public int MaxConnections { get; set; } = 8;
}
