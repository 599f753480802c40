using System.Diagnostics;

namespace Kim.Api.Tests.Startup;

/// <summary>
/// The real app (its built Kim.Standalone.dll in a process of its own) refuses a bad setting at
/// start-up with one line on standard error that names the setting and what is valid, exit code 1,
/// and no stack trace.
/// </summary>
public sealed class BadSettingTests
{
    [Theory(Timeout = 120_000)]
    [InlineData("Kim__Timing__FirstContact", "00:00:30", "Kim__Timing__FirstContact is not a timing setting; known: FirstContactDue, SupportPlanDue,")]
    [InlineData("Kim__Timing__Districts__mk__PlanReview", "soon", "Kim__Timing__Districts__mk__PlanReview 'soon' is not an interval: use e.g. 10wd")]
    [InlineData("Kim__Reminders__Schedule", "every morning", "Kim__Reminders__Schedule 'every morning' is not a six-field NCRONTAB expression")]
    [InlineData("Kim__Reminders__Standalone", "maybe", "Kim__Reminders__Standalone 'maybe' is not 'true' or 'false'.")]
    [InlineData("Kim__Intake__MaxFiles", "0", "Kim__Intake__MaxFileBytes and Kim__Intake__MaxFiles must be positive whole numbers")]
    [InlineData("Kim__Intake__MaxFiles", "many", "Failed to convert configuration value 'many' at 'Kim:Intake:MaxFiles'")]
    [InlineData("Kim__Durable__TaskHub", "kim-test", "Kim__Durable__TaskHub 'kim-test' is not a task hub name: 3-45 letters and digits, starting with a letter.")]
    [InlineData("Kim__Durable__MaxQueuePollingInterval", "00:10:00", "Kim__Durable__MaxQueuePollingInterval '00:10:00' is not a duration from 1 s to 5 min")]
    [InlineData("ASPNETCORE_ENVIRONMENT", "Production", "SendGrid__ApiKey is not set: outside Development Kim cannot send mail")]
    public async Task A_bad_setting_stops_start_up_with_one_line_naming_it(string name, string value, string expected)
    {
        var (exitCode, output, error) = await StartAsync(name, value);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Kim did not start: " + expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error + output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> StartAsync(string name, string value)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Kim.Standalone.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // It started: the setting was taken. Stop it and let the assertions say so.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        return (process.ExitCode, await output, await error);
    }
}
