namespace ReportingPortal.Tests.Infrastructure;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "ReportingPortal.Web");

    /// <summary>The portal as built alongside these tests (same configuration).</summary>
    public static string WebAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            return Path.Combine(WebProject, "bin", configuration, "net10.0", "ReportingPortal.Web.dll");
        }
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
