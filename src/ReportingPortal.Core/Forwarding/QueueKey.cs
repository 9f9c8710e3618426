using System.Globalization;
using System.Text;
using MimeKit;

namespace ReportingPortal.Core.Forwarding;

/// <summary>
/// A responder queue's OpenPGP key or S/MIME certificate, parsed once: the forwards, referrals and notices to the
/// queue's addresses are encrypted to it, and never sent in plain text while it is unusable.
/// </summary>
public abstract class QueueKey(DateTimeOffset? validFrom, DateTimeOffset? expiresAt)
{
    /// <summary>What the key is, in the words an operator reads: "OpenPGP key" or "S/MIME certificate".</summary>
    public abstract string Kind { get; }

    /// <summary>When the key starts to be valid; null when it has no such bound.</summary>
    public DateTimeOffset? ValidFrom { get; } = validFrom;

    /// <summary>When the key stops being valid; null when it never expires.</summary>
    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    /// <summary>Why nothing may be encrypted to the key at <paramref name="now"/>; null while it is valid.</summary>
    public string? Unusable(DateTimeOffset now) =>
        ExpiresAt is { } expiry && now >= expiry ? $"the queue's {Kind} expired on {Utc(expiry)}"
        : ValidFrom is { } from && now < from ? $"the queue's {Kind} is not valid before {Utc(from)}"
        : null;

    /// <summary>The body encrypted to the key, attachments and all; the message's headers stay as they are.</summary>
    public abstract MimeEntity Encrypt(MimeEntity body, CancellationToken cancellationToken);

    /// <summary>
    /// The key configured for the queue at <paramref name="index"/> of Forwarding:Queues, read and parsed; null when it has
    /// none. A key that cannot be read or parsed throws a <see cref="QueueKeyException"/> naming the queue and the key.
    /// </summary>
    public static QueueKey? Load(ForwardingQueue queue, int index)
    {
        var prefix = $"Forwarding:Queues:{index}";
        var openPgp = Source(queue, prefix, nameof(ForwardingQueue.OpenPgpPublicKey), queue.OpenPgpPublicKey, queue.OpenPgpPublicKeyFile);
        var smime = Source(queue, prefix, nameof(ForwardingQueue.SmimeCertificate), queue.SmimeCertificate, queue.SmimeCertificateFile);
        if (openPgp is not null && smime is not null)
            throw new QueueKeyException($"{prefix} (queue '{queue.Name}') has both an OpenPGP key and an S/MIME certificate: give it one of the two.");
        if (openPgp is { } pgp)
            return Parse(queue, pgp.Key, () => OpenPgpQueueKey.Parse(pgp.Data), "an OpenPGP public key (ASCII-armoured or binary)");
        if (smime is { } certificate)
            return Parse(queue, certificate.Key, () => SmimeQueueKey.Parse(certificate.Data), "an X.509 certificate (PEM or DER)");
        return null;
    }

    private static QueueKey Parse(ForwardingQueue queue, string key, Func<QueueKey> parse, string expected)
    {
        try
        {
            return parse();
        }
        catch (QueueKeyException problem)
        {
            throw new QueueKeyException($"{key} of queue '{queue.Name}' cannot be used: {problem.Message}");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new QueueKeyException($"{key} of queue '{queue.Name}' is not {expected}.");
        }
    }

    /// <summary>The key's bytes, from the setting itself or from the file its ...File setting names, with the key's name.</summary>
    private static (byte[] Data, string Key)? Source(ForwardingQueue queue, string prefix, string name, string? text, string? file)
    {
        var hasText = !string.IsNullOrWhiteSpace(text);
        var hasFile = !string.IsNullOrWhiteSpace(file);
        if (hasText && hasFile)
            throw new QueueKeyException($"{prefix}:{name} and {prefix}:{name}File are both set for queue '{queue.Name}': set one of the two.");
        if (hasText)
            return (Encoding.UTF8.GetBytes(text!), $"{prefix}:{name}");
        if (!hasFile)
            return null;
        try
        {
            return (File.ReadAllBytes(file!), $"{prefix}:{name}File");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new QueueKeyException($"{prefix}:{name}File of queue '{queue.Name}': the file '{file}' cannot be read ({exception.GetType().Name}).");
        }
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
