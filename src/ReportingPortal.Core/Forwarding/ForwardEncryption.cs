using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using ReportingPortal.Core.Email;

namespace ReportingPortal.Core.Forwarding;

/// <summary>
/// The keys and certificates of the responder queues, parsed once when the process starts. Mail to an address of a queue
/// that has one is encrypted to it, and fails for good, never going out in plain text, while the key is unusable.
/// </summary>
public sealed class ForwardEncryption : IHostedService
{
    // A key that expires sooner than this is worth a warning at start-up, before forwards start failing.
    private static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(30);

    private readonly Dictionary<string, QueueKey> _byQueue = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QueueKey> _byAddress = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;

    public ForwardEncryption(IOptions<ForwardingOptions> forwarding, TimeProvider time, ILogger<ForwardEncryption> logger)
    {
        _time = time;
        var queues = forwarding.Value.Queues;
        for (var i = 0; i < queues.Count; i++)
        {
            if (QueueKey.Load(queues[i], i) is not { } key)
                continue;
            _byQueue[queues[i].Name] = key;
            foreach (var address in queues[i].Addresses)
                _byAddress.TryAdd(address, key);
            var now = time.GetUtcNow();
            if (key.Unusable(now) is { } reason)
                logger.LogWarning("Forwarding queue {Queue}: {Reason}; its mail fails and is not sent in plain text until the {Kind} is replaced",
                    queues[i].Name, reason, key.Kind);
            else if (key.ExpiresAt is { } expiry && expiry - now < ExpiryWarning)
                logger.LogWarning("Forwarding queue {Queue}: the queue's {Kind} expires on {Expiry:u}; replace it before then", queues[i].Name, key.Kind, expiry);
        }
    }

    /// <summary>
    /// Encrypts <paramref name="message"/> when <paramref name="address"/> belongs to a queue with a key: the key of the
    /// queue the email is for, else of any queue with that address. Returns why the message must not be sent, or null.
    /// </summary>
    public DeliveryFailure? Encrypt(MimeMessage message, string? queue, string address, CancellationToken cancellationToken)
    {
        if (!(queue is not null && _byQueue.TryGetValue(queue, out var key)) && !_byAddress.TryGetValue(address, out key))
            return null;
        if (key.Unusable(_time.GetUtcNow()) is { } reason)
            return new DeliveryFailure(true, $"{reason}; not sent in plain text");
        try
        {
            message.Body = key.Encrypt(message.Body ?? throw new InvalidOperationException("A message to a queue has no body."), cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new DeliveryFailure(true, $"encrypting to the queue's {key.Kind} failed ({exception.GetType().Name}); not sent in plain text");
        }
    }

    // Resolved as a hosted service only so that the keys are parsed, and expiry warned about, when the process starts.
    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
