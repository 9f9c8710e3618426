using QRCoder;

namespace ReportingPortal.Web.Accounts;

/// <summary>The otpauth link an authenticator app reads, drawn as an inline SVG QR code (no image request, no script).</summary>
public static class EnrolmentQrCode
{
    public const string Issuer = "ReportingPortal";

    public static string OtpAuthUri(string email, string textKey) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={textKey}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    public static string Svg(string email, string textKey)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(OtpAuthUri(email, textKey), QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
