using System.Text.Json;
using Kim.Testing;

namespace Kim.Functions.Tests;

/// <summary>
/// The <c>functions.metadata</c> the Functions SDK wrote when Kim.Functions was built in this
/// test's configuration (the host reads it to index the functions; PLATFORM.md): one entry per
/// function with its bindings.
/// </summary>
internal static class FunctionsMetadata
{
    public static string Path { get; } = FindPath();

    public static IReadOnlyList<JsonElement> Functions { get; } = Read();

    public static IEnumerable<JsonElement> Bindings(JsonElement function) => function.GetProperty("bindings").EnumerateArray();

    public static JsonElement? Trigger(JsonElement function) =>
        Bindings(function).Cast<JsonElement?>().FirstOrDefault(b => b!.Value.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    public static string Type(JsonElement binding) => binding.GetProperty("type").GetString()!;

    public static string Name(JsonElement function) => function.GetProperty("name").GetString()!;

    private static IReadOnlyList<JsonElement> Read()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    // tests/Kim.Functions.Tests/bin/{configuration}/{framework}/ → src/Kim.Functions/bin/{configuration}/{framework}/
    private static string FindPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var path = System.IO.Path.Combine(RepoPaths.Root, "src", "Kim.Functions", "bin", configuration, framework, "functions.metadata");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build Kim.Functions first: its functions.metadata is missing.", path);
    }
}
