using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ReportingPortal.Core.Accounts;

namespace ReportingPortal.Web.Accounts;

/// <summary>
/// Failed sign-ins for emails that have no account, counted in memory only, so that such an email is blocked exactly
/// as an account would be: a 429 must not tell a stranger which emails have accounts. Keys are keyed hashes.
/// </summary>
public sealed class UnknownEmails(TimeProvider clock)
{
    private const int MostKept = 10_000;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset? BlockedUntil)> _failures = new();

    public bool IsBlocked(string email) =>
        _failures.TryGetValue(Key(email), out var entry) && entry.BlockedUntil > clock.GetUtcNow();

    public void RecordFailure(string email)
    {
        if (_failures.Count >= MostKept)
            _failures.Clear();
        _failures.AddOrUpdate(Key(email), _ => (1, Block(1)), (_, entry) => (entry.Failures + 1, Block(entry.Failures + 1) ?? entry.BlockedUntil));
    }

    private DateTimeOffset? Block(int failures) => SignInThrottle.BlockAfter(failures) is { } block ? clock.GetUtcNow() + block : null;

    private string Key(string email) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
}
