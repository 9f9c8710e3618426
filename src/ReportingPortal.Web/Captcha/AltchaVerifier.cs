using Dapper;
using Npgsql;
using ReportingPortal.Web.Reports;

namespace ReportingPortal.Web.Captcha;

/// <summary>
/// The self-hosted captcha. A solution counts for one form only: it is remembered in the database until its
/// challenge expires, so every instance of the portal refuses it for any other form.
/// </summary>
public sealed class AltchaVerifier(AltchaChallenges challenges, NpgsqlDataSource database, TimeProvider clock) : ICaptchaVerifier
{
    public const string Field = "altcha";

    /// <summary>How often expired solutions are swept; an expired one is refused before the database is asked.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private long _nextSweep;

    public string ResponseField => Field;

    public async Task<CaptchaResult> Verify(string response, string hostname, string formKey, CancellationToken cancellationToken)
    {
        if (challenges.Check(response) is not { } solution)
            return CaptchaResult.Refused;

        var formKeyHash = ReceiptCodes.HashFormKey(formKey);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (SweepIsDue())
            await connection.ExecuteAsync(new CommandDefinition(
                "delete from captcha_solutions where expires_at < now()", cancellationToken: cancellationToken));
        var inserted = await connection.ExecuteAsync(new CommandDefinition("""
            insert into captcha_solutions (challenge, form_key_hash, expires_at)
            values (@Challenge, @FormKeyHash, @ExpiresAt)
            on conflict (challenge) do nothing
            """, new { solution.Challenge, FormKeyHash = formKeyHash, solution.ExpiresAt }, cancellationToken: cancellationToken));
        if (inserted == 1)
            return CaptchaResult.Verified;

        // Used before (a statement of its own, so it sees a row committed by a concurrent post of the same form).
        var usedFor = await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(
            "select form_key_hash from captcha_solutions where challenge = @Challenge",
            new { solution.Challenge }, cancellationToken: cancellationToken));

        // The same form sent again (a double click) may bring its solution again; another form may not.
        return usedFor is not null && usedFor.AsSpan().SequenceEqual(formKeyHash) ? CaptchaResult.Verified : CaptchaResult.Refused;
    }

    /// <summary>True for one verification a minute: sweeping on every one doubled its round trips under load.</summary>
    private bool SweepIsDue()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref _nextSweep);
        return now >= next && Interlocked.CompareExchange(ref _nextSweep, now + SweepInterval.Ticks, next) == next;
    }
}
