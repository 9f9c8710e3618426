using Dapper;
using Npgsql;
using ReportingPortal.Core.Audit;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.Core.Accounts;

/// <summary>
/// The console's accounts in <c>accounts</c>, <c>account_queues</c>, <c>recovery_codes</c> and <c>enrolment_links</c>.
/// Every change is audited in its own transaction; changes that take rights away end the account's sessions there too.
/// </summary>
public sealed class AccountStore(NpgsqlDataSource database)
{
    private const string EndSessions = "delete from console_sessions where account_id = @AccountId";

    private const string SelectForSignIn = """
        select id, email, display_name as DisplayName, is_administrator as IsAdministrator, password_hash as PasswordHash,
               totp_secret as TotpSecret, totp_last_step as TotpLastStep, enrolled_at as EnrolledAt, disabled_at as DisabledAt,
               failed_sign_ins as FailedSignIns, sign_in_blocked_until as SignInBlockedUntil
        from accounts
        """;

    public async Task<AccountForSignIn?> FindForSignIn(string email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AccountForSignIn>(new CommandDefinition(
            SelectForSignIn + " where lower(email) = lower(@Email)", new { Email = email.Trim() }, cancellationToken: cancellationToken));
    }

    public async Task<AccountForSignIn?> FindForSignIn(long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AccountForSignIn>(new CommandDefinition(
            SelectForSignIn + " where id = @AccountId", new { AccountId = accountId }, cancellationToken: cancellationToken));
    }

    /// <summary>Counts a failed sign-in and blocks the account when it is one too many; returns the block's end, if any.</summary>
    public async Task<DateTimeOffset?> RecordFailure(long accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var failures = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "update accounts set failed_sign_ins = failed_sign_ins + 1 where id = @AccountId returning failed_sign_ins",
            new { AccountId = accountId }, transaction, cancellationToken: cancellationToken));
        await AuditLog.Write(connection, transaction, new AuditEntry(AuditAction.SignInFailed, accountId, SubjectAccountId: accountId), cancellationToken);
        DateTimeOffset? blockedUntil = SignInThrottle.BlockAfter(failures) is { } block ? now + block : null;
        if (blockedUntil is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "update accounts set sign_in_blocked_until = @Until where id = @AccountId",
                new { AccountId = accountId, Until = blockedUntil.Value.UtcDateTime }, transaction, cancellationToken: cancellationToken));
            await AuditLog.Write(connection, transaction, new AuditEntry(AuditAction.SignInBlocked, accountId, SubjectAccountId: accountId,
                Detail: $"{(int)(blockedUntil.Value - now).TotalMinutes} min"), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return blockedUntil;
    }

    /// <summary>Takes the TOTP step for this account unless it (or a later one) was used: only one request can take it.</summary>
    public async Task<bool> UseTotpStep(long accountId, long step, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            update accounts set totp_last_step = @Step
            where id = @AccountId and (totp_last_step is null or totp_last_step < @Step)
            """, new { AccountId = accountId, Step = step }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Uses up a recovery code; false when it is not one of the account's or was used already.</summary>
    public async Task<bool> UseRecoveryCode(long accountId, byte[] codeHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var used = await connection.ExecuteAsync(new CommandDefinition("""
            update recovery_codes set used_at = now()
            where account_id = @AccountId and code_hash = @CodeHash and used_at is null
            """, new { AccountId = accountId, CodeHash = codeHash }, transaction, cancellationToken: cancellationToken)) == 1;
        if (used)
            await AuditLog.Write(connection, transaction, new AuditEntry(AuditAction.RecoveryCodeUsed, accountId, SubjectAccountId: accountId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return used;
    }

    public async Task RecordSignIn(long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update accounts set failed_sign_ins = 0, sign_in_blocked_until = null where id = @AccountId",
            new { AccountId = accountId }, transaction, cancellationToken: cancellationToken));
        await AuditLog.Write(connection, transaction, new AuditEntry(AuditAction.SignedIn, accountId, SubjectAccountId: accountId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> UnusedRecoveryCodes(long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "select count(*) from recovery_codes where account_id = @AccountId and used_at is null",
            new { AccountId = accountId }, cancellationToken: cancellationToken));
    }

    /// <summary>Creates the account with its queues and an enrolment link; null when an account has this email already.</summary>
    public async Task<long?> Invite(Invitation invitation, long? invitedBy, byte[] tokenHash, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var accountId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            insert into accounts (email, display_name, is_administrator) values (@Email, @DisplayName, @IsAdministrator)
            on conflict do nothing returning id
            """, new { Email = invitation.Email.Trim(), DisplayName = invitation.DisplayName.Trim(), invitation.IsAdministrator },
            transaction, cancellationToken: cancellationToken));
        if (accountId is null)
            return null;
        await ReplaceQueues(connection, transaction, accountId.Value, invitation.Queues, cancellationToken);
        await AuditLog.Write(connection, transaction, new AuditEntry(AuditAction.AccountCreated, invitedBy, SubjectAccountId: accountId,
            Detail: Describe(invitation.IsAdministrator, invitation.Queues)), cancellationToken);
        await AddLink(connection, transaction, accountId.Value, invitedBy, tokenHash, expiresAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return accountId;
    }

    /// <summary>A new enrolment link for the account; the links sent before it stop working.</summary>
    public async Task NewEnrolmentLink(long accountId, long? invitedBy, byte[] tokenHash, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await AddLink(connection, transaction, accountId, invitedBy, tokenHash, expiresAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task AddLink(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, long? invitedBy,
        byte[] tokenHash, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            delete from enrolment_links where account_id = @AccountId and used_at is null;
            insert into enrolment_links (token_hash, account_id, created_by, expires_at) values (@TokenHash, @AccountId, @InvitedBy, @ExpiresAt);
            """, new { AccountId = accountId, InvitedBy = invitedBy, TokenHash = tokenHash, ExpiresAt = expiresAt.UtcDateTime },
            transaction, cancellationToken: cancellationToken));
        await AuditLog.Write(connection, transaction, new AuditEntry(AuditAction.AccountInvited, invitedBy, SubjectAccountId: accountId), cancellationToken);
    }

    /// <summary>The account of an enrolment link that is neither used nor expired, and whose account is not disabled.</summary>
    public async Task<EnrolmentAccount?> FindEnrolment(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<EnrolmentAccount>(new CommandDefinition("""
            select a.id, a.email, a.display_name as DisplayName
            from enrolment_links l join accounts a on a.id = l.account_id
            where l.token_hash = @TokenHash and l.used_at is null and l.expires_at > @Now and a.disabled_at is null
            """, new { TokenHash = tokenHash, Now = now.UtcDateTime }, cancellationToken: cancellationToken));
    }

    /// <summary>Uses the link and stores both factors and the recovery codes; false when the link was used or expired meanwhile.</summary>
    public async Task<bool> Enrol(byte[] tokenHash, Enrolment enrolment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var accountId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            update enrolment_links l set used_at = @Now
            from accounts a
            where l.token_hash = @TokenHash and l.used_at is null and l.expires_at > @Now and a.id = l.account_id and a.disabled_at is null
            returning l.account_id
            """, new { TokenHash = tokenHash, Now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        if (accountId is null)
            return false;
        await connection.ExecuteAsync(new CommandDefinition($"""
            update accounts set password_hash = @PasswordHash, totp_secret = @TotpSecret, totp_last_step = @Step, enrolled_at = @Now,
                                failed_sign_ins = 0, sign_in_blocked_until = null
            where id = @AccountId;
            delete from enrolment_links where account_id = @AccountId and used_at is null;
            {EndSessions};
            """, new
            {
                AccountId = accountId,
                enrolment.PasswordHash,
                TotpSecret = enrolment.ProtectedTotpSecret,
                Step = enrolment.ConfirmedStep,
                Now = now.UtcDateTime,
            }, transaction, cancellationToken: cancellationToken));
        await ReplaceRecoveryCodes(connection, transaction, accountId.Value, enrolment.RecoveryCodeHashes, cancellationToken);
        await AuditLog.Write(connection, transaction, new AuditEntry(AuditAction.AccountEnrolled, accountId, SubjectAccountId: accountId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Sets a new password and ends every session of the account.</summary>
    public async Task ChangePassword(long accountId, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition($"""
            update accounts set password_hash = @PasswordHash where id = @AccountId;
            {EndSessions};
            """, new { AccountId = accountId, PasswordHash = passwordHash }, transaction, cancellationToken: cancellationToken));
        await AuditLog.Write(connection, transaction, new AuditEntry(AuditAction.PasswordChanged, accountId, SubjectAccountId: accountId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RenewRecoveryCodes(long accountId, IReadOnlyList<byte[]> codeHashes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ReplaceRecoveryCodes(connection, transaction, accountId, codeHashes, cancellationToken);
        await AuditLog.Write(connection, transaction, new AuditEntry(AuditAction.RecoveryCodesRenewed, accountId, SubjectAccountId: accountId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ReplaceRecoveryCodes(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId,
        IReadOnlyList<byte[]> codeHashes, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "delete from recovery_codes where account_id = @AccountId", new { AccountId = accountId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into recovery_codes (account_id, code_hash) values (@AccountId, @CodeHash)",
            codeHashes.Select(hash => new { AccountId = accountId, CodeHash = hash }), transaction, cancellationToken: cancellationToken));
    }

    public Task<IReadOnlyList<AccountSummary>> List(CancellationToken cancellationToken) => Summaries(null, cancellationToken);

    public async Task<AccountSummary?> Find(long accountId, CancellationToken cancellationToken) =>
        (await Summaries(accountId, cancellationToken)).SingleOrDefault();

    /// <summary>Every account, or only the one with <paramref name="accountId"/>, with its queues.</summary>
    private async Task<IReadOnlyList<AccountSummary>> Summaries(long? accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var accounts = await connection.QueryAsync<AccountSummary>(new CommandDefinition("""
            select a.id, a.email, a.display_name as DisplayName, a.is_administrator as IsAdministrator, a.enrolled_at as EnrolledAt,
                   a.disabled_at as DisabledAt,
                   (select max(l.expires_at) from enrolment_links l where l.account_id = a.id and l.used_at is null) as LinkExpiresAt
            from accounts a where @AccountId::bigint is null or a.id = @AccountId
            order by lower(a.display_name), a.id
            """, new { AccountId = accountId }, cancellationToken: cancellationToken));
        var queues = (await connection.QueryAsync<(long AccountId, string Queue, string Role)>(new CommandDefinition("""
                select account_id as AccountId, queue, role from account_queues
                where @AccountId::bigint is null or account_id = @AccountId order by queue
                """, new { AccountId = accountId }, cancellationToken: cancellationToken)))
            .ToLookup(row => row.AccountId, row => new QueueMembership(row.Queue, Enum.Parse<QueueRole>(row.Role)));
        return accounts.Select(account => account with { Queues = queues[account.Id].ToList() }).ToList();
    }

    /// <summary>Sets the administrator flag and the queues; a changed flag ends the account's sessions.</summary>
    public async Task Change(long accountId, bool isAdministrator, IReadOnlyList<QueueMembership> queues, long changedBy, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var flagChanged = await connection.ExecuteAsync(new CommandDefinition(
            "update accounts set is_administrator = @IsAdministrator where id = @AccountId and is_administrator <> @IsAdministrator",
            new { AccountId = accountId, IsAdministrator = isAdministrator }, transaction, cancellationToken: cancellationToken)) == 1;
        if (flagChanged)
            await connection.ExecuteAsync(new CommandDefinition(EndSessions, new { AccountId = accountId }, transaction, cancellationToken: cancellationToken));
        await ReplaceQueues(connection, transaction, accountId, queues, cancellationToken);
        await AuditLog.Write(connection, transaction, new AuditEntry(AuditAction.AccountChanged, changedBy, SubjectAccountId: accountId,
            Detail: Describe(isAdministrator, queues)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Disables the account and ends its sessions, or enables it again.</summary>
    public async Task SetDisabled(long accountId, bool disabled, long changedBy, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(disabled
                ? $"update accounts set disabled_at = coalesce(disabled_at, now()) where id = @AccountId; {EndSessions};"
                : "update accounts set disabled_at = null, failed_sign_ins = 0, sign_in_blocked_until = null where id = @AccountId",
            new { AccountId = accountId }, transaction, cancellationToken: cancellationToken));
        await AuditLog.Write(connection, transaction, new AuditEntry(disabled ? AuditAction.AccountDisabled : AuditAction.AccountEnabled,
            changedBy, SubjectAccountId: accountId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ReplaceQueues(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId,
        IReadOnlyList<QueueMembership> queues, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "delete from account_queues where account_id = @AccountId", new { AccountId = accountId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into account_queues (account_id, queue, role) values (@AccountId, @Queue, @Role)",
            queues.Select(queue => new { AccountId = accountId, queue.Queue, Role = queue.Role.Stored() }), transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The audit detail of an account's rights: queue names and roles only.</summary>
    private static string Describe(bool isAdministrator, IReadOnlyList<QueueMembership> queues) =>
        string.Join(", ", (isAdministrator ? ["Administrator"] : Array.Empty<string>())
            .Concat(queues.Select(queue => $"{queue.Queue}: {queue.Role.Stored()}")));
}
