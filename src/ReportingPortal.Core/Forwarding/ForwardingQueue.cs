namespace ReportingPortal.Core.Forwarding;

public sealed class ForwardingQueue
{
    public string Name { get; set; } = "";

    /// <summary>Shown to responders, for example "Police cyber unit".</summary>
    public string? DisplayName { get; set; }

    public List<string> Addresses { get; set; } = [];

    /// <summary>The language forwarded reports are written in for this queue.</summary>
    public string Language { get; set; } = "en";

    /// <summary>The kind of service behind the queue, for the referral directory and for what a reporter is told.</summary>
    public Sector Sector { get; set; } = Sector.Other;

    /// <summary>Where the service works, for example "FR" or "Île-de-France"; empty for everywhere.</summary>
    public string? Area { get; set; }

    /// <summary>When the service answers, for example "every day, at any hour".</summary>
    public string? Hours { get; set; }

    /// <summary>What the service handles, in a line, for responders choosing where to refer a case.</summary>
    public string? Handles { get; set; }

    /// <summary>The queue's OpenPGP public key, ASCII-armoured; its forwards are then encrypted to it.</summary>
    public string? OpenPgpPublicKey { get; set; }

    /// <summary>The path of a file holding the queue's OpenPGP public key (ASCII-armoured or binary), instead of OpenPgpPublicKey.</summary>
    public string? OpenPgpPublicKeyFile { get; set; }

    /// <summary>The queue's S/MIME certificate, PEM; its forwards are then encrypted to it.</summary>
    public string? SmimeCertificate { get; set; }

    /// <summary>The path of a file holding the queue's S/MIME certificate (PEM or DER), instead of SmimeCertificate.</summary>
    public string? SmimeCertificateFile { get; set; }

    /// <summary>The portal refuses to start unless this queue has a usable key or certificate.</summary>
    public bool EncryptionRequired { get; set; }
}
