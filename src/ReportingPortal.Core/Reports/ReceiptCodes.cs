using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ReportingPortal.Core.Configuration;

namespace ReportingPortal.Core.Reports;

/// <summary>
/// References, access codes and form keys. A report's access code is derived from its form's random key with a
/// server secret, so a resubmitted form shows the same code again while the database keeps only its HMAC.
/// </summary>
public sealed class ReceiptCodes
{
    // Crockford's base32: no I, L, O or U, so codes survive being read aloud or copied by hand.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int FormKeyBytes = 32;
    private const int AccessCodeCharacters = 16; // 16 x 5 bits = 80 bits

    private readonly byte[] _derivationKey;
    private readonly byte[] _hashKey;

    public ReceiptCodes(IOptions<ReceiptOptions> options)
    {
        var secret = Base64Keys.Decode(options.Value.SecretKey);
        _derivationKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "access-code-derivation"u8.ToArray());
        _hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "access-code-hash"u8.ToArray());
    }

    public static string NewFormKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(FormKeyBytes));

    public static bool IsFormKey(string? value) =>
        value is { Length: 43 } && Base64Url.IsValid(value, out var length) && length == FormKeyBytes;

    public static byte[] HashFormKey(string formKey) => SHA256.HashData(Encoding.ASCII.GetBytes(formKey));

    /// <summary>A reference such as RP-7K4M-9QX2: for talking about a report, not a secret.</summary>
    public static string NewReference()
    {
        var characters = RandomCharacters(RandomNumberGenerator.GetBytes(5), 8);
        return $"RP-{characters[..4]}-{characters[4..]}";
    }

    /// <summary>The secret access code for the report sent with this form, grouped in fours for reading aloud.</summary>
    public string AccessCodeFor(string formKey)
    {
        var bits = HMACSHA256.HashData(_derivationKey, Encoding.ASCII.GetBytes(formKey));
        var characters = RandomCharacters(bits.AsSpan(0, 10), AccessCodeCharacters);
        return string.Join('-', characters.Chunk(4).Select(group => new string(group)));
    }

    /// <summary>Whether the input, once normalised, can be an access code at all: sixteen characters of the alphabet.</summary>
    public static bool IsAccessCode(string? typed) =>
        typed is { Length: <= 64 } && NormaliseAccessCode(typed) is { Length: AccessCodeCharacters } code && IsCodeText(code);

    /// <summary>Whether every character is one of the alphabet's (upper case, no I, L, O or U).</summary>
    public static bool IsCodeText(string value) => value.All(character => Alphabet.Contains(character, StringComparison.Ordinal));

    public byte[] HashAccessCode(string accessCode) =>
        HMACSHA256.HashData(_hashKey, Encoding.ASCII.GetBytes(NormaliseAccessCode(accessCode)));

    /// <summary>Upper case without separators, reading the letters people confuse with digits as those digits.</summary>
    public static string NormaliseAccessCode(string accessCode)
    {
        var normalised = new StringBuilder(accessCode.Length);
        foreach (var character in accessCode.ToUpperInvariant())
        {
            switch (character)
            {
                case ' ' or '-':
                    continue;
                case 'O':
                    normalised.Append('0');
                    break;
                case 'I' or 'L':
                    normalised.Append('1');
                    break;
                default:
                    normalised.Append(character);
                    break;
            }
        }
        return normalised.ToString();
    }

    private static string RandomCharacters(ReadOnlySpan<byte> bytes, int count)
    {
        var characters = new char[count];
        for (var i = 0; i < count; i++)
        {
            var bit = i * 5;
            var pair = (bytes[bit / 8] << 8) | (bit / 8 + 1 < bytes.Length ? bytes[bit / 8 + 1] : 0);
            characters[i] = Alphabet[(pair >> (11 - bit % 8)) & 31];
        }
        return new string(characters);
    }
}
