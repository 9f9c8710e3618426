using Dapper;
using ReportingPortal.Core.Accounts;
using ReportingPortal.Core.Storage;

namespace ReportingPortal.IntegrationTests.Cases;

/// <summary>Accounts of responder queues written straight to the database, for the tests of the case handlers.</summary>
public static class Responders
{
    public static async Task<long> Add(string displayName, params (string Queue, QueueRole Role)[] queues)
    {
        await using var connection = await TestDatabase.Open();
        var id = await connection.ExecuteScalarAsync<long>("""
            insert into accounts (email, display_name) values (@Email, @displayName) returning id
            """, new { Email = $"{Guid.NewGuid():N}@responders.test", displayName });
        foreach (var (queue, role) in queues)
            await connection.ExecuteAsync("insert into account_queues (account_id, queue, role) values (@id, @queue, @Role)",
                new { id, queue, Role = role.Stored() });
        return id;
    }

    public static Task<long> Of(string queue, string displayName) => Add(displayName, (queue, QueueRole.Responder));

    public static Task<long> SupervisorOf(string queue, string displayName) => Add(displayName, (queue, QueueRole.Supervisor));
}
