using System.Diagnostics;
using Kim.Testing;

namespace Kim.Api.Tests.Access;

/// <summary>
/// Demo data outside Development: Kim, started as its own process in Production on storage that
/// a Development run has seeded, refuses to start with one line that says what to do.
/// </summary>
public sealed class DemoDataGuardTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact(Timeout = 120_000)]
    public async Task In_production_on_storage_seeded_in_development_start_up_is_refused_with_one_clear_line()
    {
        await using (new KimApp(azurite))
        {
            // Development seeds the demo district on start.
        }

        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Kim.Standalone.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["SendGrid__ApiKey"] = "SG.not-a-real-key",
                ["SendGrid__From"] = "kim@example.org",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var errors = await stderr;
        var output = await stdout + errors;
        Assert.NotEqual(0, process.ExitCode);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Kim does not start in Production: this storage holds the demo accounts of Development (cm-luedenscheid,", line, StringComparison.Ordinal);
        Assert.Contains("jobcenter-mk", line, StringComparison.Ordinal);
        Assert.Contains("Remove their rows", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }
}
