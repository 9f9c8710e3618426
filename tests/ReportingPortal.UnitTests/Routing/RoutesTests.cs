using System.Reflection;
using Microsoft.AspNetCore.Razor.Hosting;
using ReportingPortal.Web;

namespace ReportingPortal.UnitTests.Routing;

public sealed class RoutesTests
{
    private static readonly string[] Named = typeof(Routes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();

    // What each page's @page directive says, as compiled into the web site.
    private static readonly string[] PageTemplates = typeof(Routes).Assembly.GetTypes()
        .SelectMany(type => type.GetCustomAttributes<RazorCompiledItemMetadataAttribute>())
        .Where(metadata => metadata.Key == "RouteTemplate")
        .Select(metadata => metadata.Value)
        .ToArray();

    [Test]
    public void EveryPagePathIsANamedRouteOrOneFollowedByItsParameters()
    {
        PageTemplates.ShouldNotBeEmpty();
        PageTemplates.ShouldAllBe(template => Named.Any(route =>
            template == route || template.StartsWith(route == Routes.Home ? "/{" : route + "/{", StringComparison.Ordinal)));
    }

    [TestCase(Routes.Home)]
    [TestCase(Routes.Report)]
    [TestCase(Routes.Receipt)]
    [TestCase(Routes.Learn)]
    [TestCase(Routes.Help)]
    [TestCase(Routes.ConsoleSignIn)]
    [TestCase(Routes.ConsoleSignOut)]
    [TestCase(Routes.ConsoleEnrol)]
    [TestCase(Routes.ConsoleAccount)]
    [TestCase(Routes.ConsoleAccounts)]
    [TestCase(Routes.ConsoleMail)]
    [TestCase(Routes.ConsoleAudit)]
    [TestCase(Routes.ConsoleStatistics)]
    [TestCase(Routes.Statistics)]
    public void TheNamedPageRouteHasAPage(string route) => PageTemplates.ShouldContain(route);
}
