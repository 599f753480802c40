using Kim.Api;
using Kim.Api.Access;
using Kim.Api.Records;
using Kim.Standalone.Durable;

// Kim without the Functions host: Kestrel serves the Kim.Api route table, and this process runs
// the drivers the Functions host would otherwise provide (reminder schedule, the
// Durable Task worker on its Azure Storage task hub).
// A bad setting stops start-up with one line that names it (SettingErrors), not a stack trace.
try
{
    var builder = WebApplication.CreateBuilder(args);
    KimHosting.ConfigureUrls(builder);

    builder.Services.AddKimApi(builder.Configuration, builder.Environment);
    builder.AddKimDurable();
    builder.Services.AddKimClockWaker();
    builder.Services.AddHostedService<ClockMaintenance>();

    var app = builder.Build();
    SettingErrors.ValidateOptions(app.Services);
    if (await DemoDataGuard.RefusalAsync(app.Services.GetRequiredService<IAccessDirectory>(), app.Environment, CancellationToken.None) is { } refusal)
    {
        // One line that says what to do; a stack trace would only hide it.
        await Console.Error.WriteLineAsync(refusal);
        return 1;
    }

    app.MapKimApi();
    app.Run();
    return 0;
}
catch (Exception exception) when (SettingErrors.Describe(exception) is { } line)
{
    await Console.Error.WriteLineAsync(line);
    return 1;
}

/// <summary>Exposed for the test host.</summary>
public partial class Program;
