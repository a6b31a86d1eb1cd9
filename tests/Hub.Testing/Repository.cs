namespace Hub.Testing;

/// <summary>The repository the tests and benchmarks were built from.</summary>
public static class Repository
{
    /// <summary>The folder holding Hub.sln, above the running assembly's.</summary>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Hub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Hub.sln above {AppContext.BaseDirectory}: run from a build inside the repository.");
    }
}
