using System.Text.Json.Serialization;

namespace ReportingPortal.Core.Forwarding;

// Generated at build time, so writing a document on the mail path does no reflection.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ForwardDocument))]
internal sealed partial class ForwardDocumentJson : JsonSerializerContext;
