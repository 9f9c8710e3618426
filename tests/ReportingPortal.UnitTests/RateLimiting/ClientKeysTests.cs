using System.Net;
using Microsoft.Extensions.Options;
using ReportingPortal.Web.RateLimiting;

namespace ReportingPortal.UnitTests.RateLimiting;

public sealed class ClientKeysTests
{
    private static ClientKeys Keys(int prefixLength = 64) =>
        new(Options.Create(new RateLimitOptions { IPv6PrefixLength = prefixLength }));

    private static string KeyOf(ClientKeys keys, string address) => keys.For(IPAddress.Parse(address));

    [Test]
    public void IPv6AddressesInTheSameSlashSixtyFourShareOneKey()
    {
        var keys = Keys();

        KeyOf(keys, "2001:db8:1:2:a1b2:c3d4:e5f6:1234").ShouldBe(KeyOf(keys, "2001:db8:1:2::10"));
    }

    [Test]
    public void IPv6AddressesInAnotherSlashSixtyFourHaveAnotherKey()
    {
        var keys = Keys();

        KeyOf(keys, "2001:db8:1:3::10").ShouldNotBe(KeyOf(keys, "2001:db8:1:2::10"));
    }

    [TestCase(48, "2001:db8:1:2::10", "2001:db8:1:ffff::1", true)]
    [TestCase(48, "2001:db8:1::10", "2001:db8:2::10", false)]
    [TestCase(56, "2001:db8:1:2ff::1", "2001:db8:1:200::2", true)]
    [TestCase(56, "2001:db8:1:2ff::1", "2001:db8:1:300::1", false)]
    [TestCase(60, "2001:db8:1:2f::1", "2001:db8:1:20::1", true)]
    [TestCase(60, "2001:db8:1:2f::1", "2001:db8:1:3f::1", false)]
    [TestCase(128, "2001:db8:1:2::10", "2001:db8:1:2::11", false)]
    public void TheIPv6PrefixLengthSetsWhichAddressesShareAKey(int prefixLength, string one, string other, bool shared)
    {
        var keys = Keys(prefixLength);

        (KeyOf(keys, one) == KeyOf(keys, other)).ShouldBe(shared);
    }

    [Test]
    public void IPv4AddressesCountEachOnTheirOwn()
    {
        var keys = Keys();

        KeyOf(keys, "198.51.100.20").ShouldNotBe(KeyOf(keys, "198.51.100.21"));
        KeyOf(keys, "198.51.100.20").ShouldBe(KeyOf(keys, "198.51.100.20"));
    }

    [Test]
    public void AnIPv4AddressMappedToIPv6IsTheIPv4Address()
    {
        var keys = Keys();

        KeyOf(keys, "::ffff:198.51.100.20").ShouldBe(KeyOf(keys, "198.51.100.20"));
        KeyOf(keys, "::ffff:198.51.100.21").ShouldNotBe(KeyOf(keys, "198.51.100.20"), "the /64 grouping is for IPv6 only");
    }

    [Test]
    public void AKeyIsAnHmacThatNeitherHoldsTheAddressNorOutlivesTheProcess()
    {
        var key = KeyOf(Keys(), "2001:db8:1:2::10");

        key.ShouldNotContain("2001");
        Convert.FromBase64String(key).Length.ShouldBe(32);
        KeyOf(Keys(), "2001:db8:1:2::10").ShouldNotBe(key, "each start makes a new key");
    }
}
