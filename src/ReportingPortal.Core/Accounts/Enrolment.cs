namespace ReportingPortal.Core.Accounts;

/// <summary>What enrolling stores: the password's hash, the protected TOTP key, the step of the code that confirmed it, the recovery codes' hashes.</summary>
public sealed record Enrolment(string PasswordHash, byte[] ProtectedTotpSecret, long ConfirmedStep, IReadOnlyList<byte[]> RecoveryCodeHashes);
