using Dapper;
using Npgsql;
using ReportingPortal.Web.Email;
using ReportingPortal.Web.Forwarding;

namespace ReportingPortal.Web.Reports;

/// <summary>
/// Stores a report and the mail owed for it (acknowledgement, forwards) in one transaction, so a report the
/// site said it received always gets its mail. Sending the same form again returns the report already stored.
/// </summary>
public sealed class SubmitReportHandler(NpgsqlDataSource database, ReceiptCodes codes, Router router, ILogger<SubmitReportHandler> logger)
{
    private const string UniqueViolation = "23505";

    public async Task<string> Handle(ReportForm form, ReportSignals signals, string language, CancellationToken cancellationToken)
    {
        var formKeyHash = ReceiptCodes.HashFormKey(form.FormKey);
        var accessCodeHash = codes.HashAccessCode(codes.AccessCodeFor(form.FormKey));
        var anonymous = form.Contact == ContactPreference.Anonymous;
        var priority = Priorities.For(form.ReporterRole!.Value, form.Category!.Value, form.ChildInDanger!.Value);
        var country = Optional(form.Country);
        var forwards = router.QueuesFor(form.Category.Value, country, priority)
            .SelectMany(queue => queue.Addresses.Select(address => (Queue: queue.Name, Recipient: address)))
            .ToList();

        // A new reference can collide with an old one (40 random bits); then try again with another.
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                var stored = await connection.QuerySingleOrDefaultAsync<(long Id, string Reference)?>(new CommandDefinition("""
                    insert into reports (reference, access_code_hash, form_key_hash, language, reporter_role, category,
                                         urls, platform, usernames, country, region, occurred, child_age_range,
                                         child_in_danger, description, contact_preference, contact_name, contact_email,
                                         priority, captcha_verified, honeypot_filled, seconds_to_fill)
                    values (@Reference, @AccessCodeHash, @FormKeyHash, @Language, @ReporterRole, @Category,
                            @Urls, @Platform, @Usernames, @Country, @Region, @When, @ChildAge,
                            @ChildInDanger, @Description, @Contact, @ContactName, @ContactEmail,
                            @Priority, @CaptchaVerified, @HoneypotFilled, @SecondsToFill)
                    on conflict (form_key_hash) do nothing
                    returning id, reference
                    """,
                    new
                    {
                        Reference = ReceiptCodes.NewReference(),
                        AccessCodeHash = accessCodeHash,
                        FormKeyHash = formKeyHash,
                        Language = language,
                        ReporterRole = form.ReporterRole!.Value.ToString(),
                        Category = form.Category!.Value.ToString(),
                        Urls = form.UrlList().ToArray(),
                        Platform = Optional(form.Platform),
                        Usernames = Optional(form.Usernames),
                        Country = country,
                        Region = Optional(form.Region),
                        When = form.When!.Value.ToString(),
                        ChildAge = form.ChildAge!.Value.ToString(),
                        ChildInDanger = form.ChildInDanger!.Value.ToString(),
                        Description = form.Description!.Trim(),
                        Contact = form.Contact!.Value.ToString(),
                        ContactName = anonymous ? null : Optional(form.ContactName),
                        ContactEmail = anonymous ? null : Optional(form.ContactEmail),
                        Priority = priority.ToString(),
                        signals.CaptchaVerified,
                        signals.HoneypotFilled,
                        signals.SecondsToFill,
                    },
                    transaction, cancellationToken: cancellationToken));

                if (stored is not { } report)
                {
                    // Sent before: the mail owed for it was recorded then.
                    return await connection.QuerySingleAsync<string>(new CommandDefinition(
                        "select reference from reports where form_key_hash = @FormKeyHash",
                        new { FormKeyHash = formKeyHash }, transaction, cancellationToken: cancellationToken));
                }

                await OwedMail.Record(connection, transaction, report.Id, priority, acknowledge: !anonymous, forwards, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return report.Reference;
            }
            catch (PostgresException exception) when (exception.SqlState == UniqueViolation
                                                       && exception.ConstraintName == "reports_reference_key"
                                                       && attempt < 5)
            {
                logger.LogWarning("A new report reference collided with an existing one; choosing another");
            }
        }
    }

    /// <summary>Whether the report sent with this form is already stored (the form is being sent again).</summary>
    public async Task<bool> WasSent(string formKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from reports where form_key_hash = @FormKeyHash)",
            new { FormKeyHash = ReceiptCodes.HashFormKey(formKey) }, cancellationToken: cancellationToken));
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
