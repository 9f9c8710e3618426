using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReportingPortal.Core.Forwarding;
using ReportingPortal.Core.Screening;

namespace ReportingPortal.IntegrationTests.Forwarding;

/// <summary>The published schema itself: it names every stored choice, and it refuses what a forward document must not be.</summary>
public sealed class ForwardSchemaTests
{
    private static JsonNode Schema() => JsonNode.Parse(File.ReadAllText(ForwardDocuments.SchemaPath))!;

    private static string[] EnumAt(params string[] path)
    {
        var node = Schema()["properties"]!;
        for (var i = 0; i < path.Length; i++)
            node = i == path.Length - 1 ? node[path[i]]! : node[path[i]]!["properties"]!;
        return node["enum"]!.AsArray().Select(value => value!.GetValue<string>()).ToArray();
    }

    [Test]
    public void TheSchemaListsExactlyTheChoicesThePortalStores()
    {
        EnumAt("priority").ShouldBe(Enum.GetNames<Priority>());
        EnumAt("incidentSummary", "incidentType").ShouldBe(Enum.GetNames<ReportCategory>());
        EnumAt("incidentSummary", "childInDanger").ShouldBe(Enum.GetNames<ChildInDanger>());
        EnumAt("incidentSummary", "incidentTimeRange").ShouldBe(Enum.GetNames<WhenItHappened>());
        EnumAt("reporter", "role").ShouldBe(Enum.GetNames<ReporterRole>());
        EnumAt("reporter", "contactPreference").ShouldBe(Enum.GetNames<ContactPreference>());
        EnumAt("victim", "ageRange").ShouldBe(Enum.GetNames<ChildAgeRange>());
        EnumAt("screening", "state").ShouldBe(Enum.GetNames<ScreeningState>());
        Schema()["properties"]!["screening"]!["properties"]!["reasons"]!["items"]!["enum"]!.AsArray()
            .Select(value => value!.GetValue<string>()).ShouldBe(Enum.GetNames<ScreeningReason>());
        Schema()["$schema"]!.GetValue<string>().ShouldBe("https://json-schema.org/draft/2020-12/schema");
        Schema()["$id"]!.GetValue<string>().ShouldEndWith(":v1");
        ForwardDocument.CurrentVersion.ShouldStartWith("1.");
    }

    [Test]
    public void TheSchemaRefusesAnUnknownFieldAMissingSectionAChoiceThePortalDoesNotKnowAndABadReference()
    {
        var valid = JsonNode.Parse("""
            {"schemaVersion":"1.0","reference":"RP-7K4M-9QX2","priority":"High","queue":{"name":"hotline","displayName":"Hotline"},
             "caseLink":"https://report.example.org/console/cases/RP-7K4M-9QX2","language":"en","contentDeleted":true,
             "incidentSummary":{"incidentType":"Sextortion","isUrgent":false,"childInDanger":"No","incidentTimeRange":"Today",
                                "receivedAt":"2026-12-01T10:00:00+00:00"},
             "reporter":{"role":"OtherAdult","contactPreference":"Anonymous"},"victim":{"ageRange":"NotSure"},
             "signals":{"captcha":"NotUsed","honeypotFilled":false}}
            """)!;
        ForwardDocuments.Problems(Bytes(valid)).ShouldBeEmpty("a skeleton is a valid document");

        Edited(valid, node => node["surprise"] = 1).ShouldNotBeEmpty();
        Edited(valid, node => node.AsObject().Remove("incidentSummary")).ShouldNotBeEmpty();
        Edited(valid, node => node["incidentSummary"]!["incidentType"] = "Spam").ShouldNotBeEmpty();
        Edited(valid, node => node["reference"] = "RP-1").ShouldNotBeEmpty();
        Edited(valid, node => node["reporter"]!["phone"] = "123").ShouldNotBeEmpty();
        Edited(valid, node => node["schemaVersion"] = "2.0").ShouldNotBeEmpty();
        Edited(valid, node => node["incidentSummary"]!["receivedAt"] = "yesterday").ShouldNotBeEmpty();
    }

    private static IReadOnlyList<string> Edited(JsonNode valid, Action<JsonNode> edit)
    {
        var copy = valid.DeepClone();
        edit(copy);
        return ForwardDocuments.Problems(Bytes(copy));
    }

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(new JsonSerializerOptions()));
}
