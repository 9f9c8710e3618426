using System.Text.Json;
using Json.Schema;
using MimeKit;
using ReportingPortal.Core.Forwarding;

namespace ReportingPortal.IntegrationTests.Forwarding;

/// <summary>The forward documents the portal writes, checked against the published schema (docs/schema/forward-v1.json).</summary>
public static class ForwardDocuments
{
    public static string SchemaPath { get; } = Path.Combine(Repository.Root, "docs", "schema", "forward-v1.json");

    // Built once: building registers the schema's $id with JsonSchema.Net.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(SchemaPath));

    /// <summary>What the schema finds wrong with <paramref name="json"/>: one line per error, empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var results = Schema.Value.Evaluate(document.RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid)
            return [];
        return (results.Details ?? [results])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key} {error.Value}"))
            .DefaultIfEmpty("invalid")
            .ToList();
    }

    /// <summary>Checks <paramref name="json"/> against the schema and reads it.</summary>
    public static ForwardDocument Valid(byte[] json)
    {
        Problems(json).ShouldBeEmpty();
        return ForwardDocument.Read(json);
    }

    /// <summary>The JSON attachment of a forward or referral (of its decrypted body when it was encrypted).</summary>
    public static byte[] AttachmentOf(MimeEntity body, string reference)
    {
        var part = body is Multipart multipart
            ? multipart.OfType<MimePart>().Where(part => part.IsAttachment).ShouldHaveSingleItem()
            : throw new ShouldAssertException($"A forward's body is a {body.ContentType.MimeType}, not multipart/mixed with an attachment.");
        part.FileName.ShouldBe($"{reference}.json");
        part.ContentType.MimeType.ShouldBe("application/json");
        using var stream = new MemoryStream();
        part.Content.ShouldNotBeNull().DecodeTo(stream);
        return stream.ToArray();
    }

    public static byte[] AttachmentOf(MimeMessage message, string reference) => AttachmentOf(message.Body.ShouldNotBeNull(), reference);
}
