namespace ReportingPortal.Core.Forwarding;

/// <summary>A queue's key or certificate that cannot be read, parsed or used; the message names the queue and the setting.</summary>
public sealed class QueueKeyException(string message) : Exception(message);
