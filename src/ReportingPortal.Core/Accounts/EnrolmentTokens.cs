using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ReportingPortal.Core.Accounts;

/// <summary>The secret in an enrolment link: random, in the link only, kept as SHA-256.</summary>
public static class EnrolmentTokens
{
    /// <summary>How long a link works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>The path of the enrolment page for <paramref name="token"/>, to put after the console's address.</summary>
    public static string PathFor(string token) => "/console/enrol?token=" + Uri.EscapeDataString(token);
}
