namespace ReportingPortal.Testing;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "ReportingPortal.Web");

    /// <summary>The web site as built alongside these tests (same configuration).</summary>
    public static string WebAssembly => Built("ReportingPortal.Web");

    /// <summary>The worker as built alongside these tests (same configuration).</summary>
    public static string WorkerAssembly => Built("ReportingPortal.Worker");

    private static string Built(string project)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        return Path.Combine(Root, "src", project, "bin", configuration, "net10.0", project + ".dll");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReportingPortal.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("ReportingPortal.sln not found above " + AppContext.BaseDirectory);
    }
}
