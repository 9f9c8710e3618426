using Microsoft.AspNetCore.Identity;

namespace ReportingPortal.Core.Accounts;

/// <summary>Console passwords hashed with ASP.NET Core Identity's PasswordHasher v3 (PBKDF2-SHA512, its current iteration count).</summary>
public sealed class Passwords
{
    private readonly PasswordHasher<Passwords> _hasher = new();
    private readonly string _unknownAccountHash;

    public Passwords() => _unknownAccountHash = Hash(Guid.NewGuid().ToString());

    public string Hash(string password) => _hasher.HashPassword(this, password);

    /// <summary>Whether <paramref name="password"/> matches; with no hash (an unknown or unenrolled account) it takes as long and fails.</summary>
    public bool Verify(string? hash, string? password)
    {
        var result = _hasher.VerifyHashedPassword(this, hash ?? _unknownAccountHash, password ?? "");
        return hash is not null && result != PasswordVerificationResult.Failed;
    }
}
