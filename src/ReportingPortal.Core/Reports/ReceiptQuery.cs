using Dapper;
using Npgsql;

namespace ReportingPortal.Core.Reports;

/// <summary>What the receipt page reads about a stored report: its country, for the help numbers shown beside it.</summary>
public sealed class ReceiptQuery(NpgsqlDataSource database)
{
    /// <summary>The country of the report sent with this form, or null when it gave none.</summary>
    public async Task<string?> CountryOf(string formKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "select country from reports where form_key_hash = @FormKeyHash",
            new { FormKeyHash = ReceiptCodes.HashFormKey(formKey) }, cancellationToken: cancellationToken));
    }
}
