namespace ReportingPortal.Core.Accounts;

/// <summary>
/// The common passwords shipped in common-passwords.txt (its first line says where they come from), compared without
/// regard to case.
/// </summary>
public sealed class CommonPasswords
{
    private const string Resource = "ReportingPortal.Core.Accounts.common-passwords.txt";
    private readonly HashSet<string> _passwords;

    public CommonPasswords()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(Resource)
                           ?? throw new InvalidOperationException($"The embedded list {Resource} is missing.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        _passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            _passwords.Add(line);
    }

    public int Count => _passwords.Count;

    public bool Contains(string password) => _passwords.Contains(password);
}
