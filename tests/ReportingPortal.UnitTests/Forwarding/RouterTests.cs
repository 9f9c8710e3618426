using Microsoft.Extensions.Options;
using ReportingPortal.Core.Forwarding;

namespace ReportingPortal.UnitTests.Forwarding;

public sealed class RouterTests
{
    private static Router RouterWith(params RoutingRule[] rules) => new(Options.Create(new ForwardingOptions
    {
        DefaultQueue = "triage",
        Queues =
        [
            new ForwardingQueue { Name = "triage", Addresses = ["triage@x.example"] },
            new ForwardingQueue { Name = "police-fr", Addresses = ["fr@x.example"] },
            new ForwardingQueue { Name = "police-es", Addresses = ["es@x.example"] },
            new ForwardingQueue { Name = "on-call", Addresses = ["on-call@x.example"] },
        ],
        Rules = rules.ToList(),
    }));

    [Test]
    public void ARuleWithCountriesMatchesOnlyReportsFromThoseCountries()
    {
        var router = RouterWith(
            new RoutingRule { Queue = "police-fr", Countries = ["FR"] },
            new RoutingRule { Queue = "police-es", Countries = ["ES"], Categories = [ReportCategory.Grooming] });

        router.QueuesFor(ReportCategory.Grooming, "FR", Priority.Normal).Select(q => q.Name).ShouldBe(["police-fr"]);
        router.QueuesFor(ReportCategory.Grooming, "ES", Priority.Normal).Select(q => q.Name).ShouldBe(["police-es"]);
        router.QueuesFor(ReportCategory.Sextortion, "ES", Priority.Normal).Select(q => q.Name).ShouldBe(["triage"]);
        router.QueuesFor(ReportCategory.Grooming, null, Priority.Normal).Select(q => q.Name).ShouldBe(["triage"]);
    }

    [Test]
    public void AReportThatMatchesNoRuleGoesToTheDefaultQueue()
    {
        var router = RouterWith(new RoutingRule { Queue = "on-call", Priorities = [Priority.Urgent] });

        router.QueuesFor(ReportCategory.Other, "FR", Priority.Normal).Select(q => q.Name).ShouldBe(["triage"]);
        router.QueuesFor(ReportCategory.Other, "FR", Priority.Urgent).Select(q => q.Name).ShouldBe(["on-call"]);
    }

    [Test]
    public void ARulesetWithAnUnknownQueueIsRefusedAtStartUp()
    {
        var result = new ForwardingOptionsValidator(TimeProvider.System).Validate(null, new ForwardingOptions
        {
            DefaultQueue = "nowhere",
            Queues = [new ForwardingQueue { Name = "triage", Addresses = ["not an address"] }],
            Rules = [new RoutingRule { Queue = "missing" }],
        });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Forwarding:DefaultQueue 'nowhere'");
        result.FailureMessage.ShouldContain("Forwarding:Rules:0:Queue 'missing'");
        result.FailureMessage.ShouldContain("invalid email address 'not an address'");
    }
}
