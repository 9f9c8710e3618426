namespace ReportingPortal.Web;

/// <summary>The console's wording, in Resources/ConsoleText.resx; English only for now.</summary>
public sealed class ConsoleText;
