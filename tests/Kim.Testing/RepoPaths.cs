namespace Kim.Testing;

/// <summary>Finds the repository root from a test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kim.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kim.sln not found above " + AppContext.BaseDirectory);
    }
}
