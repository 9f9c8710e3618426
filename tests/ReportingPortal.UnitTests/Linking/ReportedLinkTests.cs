using ReportingPortal.Core.Linking;

namespace ReportingPortal.UnitTests.Linking;

public sealed class ReportedLinkTests
{
    [TestCase("https://example.com/page", "example.com/page")]
    [TestCase("HTTPS://example.com/page", "example.com/page")] // scheme case
    [TestCase("http://example.com/page", "example.com/page")] // http and https name the same page
    [TestCase("https://EXAMPLE.Com/page", "example.com/page")] // host case
    [TestCase("https://example.com/Page/Photo", "example.com/Page/Photo")] // the path's case counts
    [TestCase("https://www.example.com/page", "example.com/page")]
    [TestCase("https://example.com/page/", "example.com/page")] // trailing slash
    [TestCase("https://example.com", "example.com/")]
    [TestCase("https://example.com/", "example.com/")]
    [TestCase("https://example.com.:443/page", "example.com/page")] // trailing dot of a host and default port
    [TestCase("http://example.com:80/page", "example.com/page")]
    [TestCase("https://example.com:8443/page", "example.com:8443/page")] // another port is another site
    [TestCase("https://example.com/page?utm_source=x&utm_medium=social&UTM_Campaign=y", "example.com/page")]
    [TestCase("https://example.com/page?fbclid=IwAR0abc", "example.com/page")]
    [TestCase("https://example.com/watch?v=abc&gclid=1&si=xyz&igshid=2&ref=home", "example.com/watch?v=abc")]
    [TestCase("https://example.com/page?b=2&a=1", "example.com/page?a=1&b=2")] // parameter order
    [TestCase("https://example.com/page#comments", "example.com/page")] // fragment
    [TestCase("https://example.com/#!/user/42", "example.com/#!/user/42")] // a single-page site's route stays
    [TestCase("https://example.com/%7euser/a%2fb", "example.com/~user/a%2Fb")] // percent-encoding case
    [TestCase("https://example.com/%41lbum", "example.com/Album")] // an escaped unreserved character
    [TestCase("https://bücher.example/seite", "xn--bcher-kva.example/seite")] // IDN
    [TestCase("https://xn--bcher-kva.example/seite", "xn--bcher-kva.example/seite")] // its punycode
    [TestCase("example.com/page", "example.com/page")] // typed without a scheme
    [TestCase("www.example.com/page/", "example.com/page")]
    [TestCase("//example.com/page", "example.com/page")]
    [TestCase("  https://example.com/page  ", "example.com/page")]
    [TestCase("https://user:secret@example.com/page", "example.com/page")] // user information
    [TestCase("https://example.com/a/./b/../c", "example.com/a/c")] // dot segments
    [TestCase("https://example.com/page?", "example.com/page")]
    [TestCase("https://example.com/search?q=Red+Car", "example.com/search?q=Red+Car")] // a query's case counts
    [TestCase("https://192.168.1.20/page", "192.168.1.20/page")]
    public void EqualLinksWrittenDifferentlyHaveOneForm(string typed, string expected) =>
        ReportedLink.Normalise(typed).ShouldBe(expected);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("ftp://example.com/file")]
    [TestCase("mailto:someone@example.com")]
    [TestCase("javascript:alert(1)")]
    [TestCase("https://")]
    [TestCase("not a link at all")]
    public void WhatIsNotAWebAddressHasNoForm(string? typed) =>
        ReportedLink.Normalise(typed).ShouldBeNull();

    [Test]
    public void LinksToDifferentPagesStayDifferent()
    {
        ReportedLink.Normalise("https://example.com/Page").ShouldNotBe(ReportedLink.Normalise("https://example.com/page"));
        ReportedLink.Normalise("https://example.com/watch?v=1").ShouldNotBe(ReportedLink.Normalise("https://example.com/watch?v=2"));
        ReportedLink.Normalise("https://a.example.com/p").ShouldNotBe(ReportedLink.Normalise("https://b.example.com/p"));
    }
}
