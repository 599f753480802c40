using Kim.Api;
using Kim.Api.Access;
using Kim.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Kim under the Azure Functions host: a .NET isolated worker with ASP.NET Core integration. The
// host owns the triggers (HTTP, timers, the Durable extension); every function hands its work to
// Kim.Api and Kim.Core (KimFunctionServices.ConfigureKimFunctions). A bad setting stops start-up
// with one line that names it (SettingErrors), as in Kim.Standalone.
try
{
    var host = FunctionsApplication.CreateBuilder(args).ConfigureKimFunctions().Build();
    SettingErrors.ValidateOptions(host.Services);
    if (await DemoDataGuard.RefusalAsync(host.Services.GetRequiredService<IAccessDirectory>(), host.Services.GetRequiredService<IHostEnvironment>(), CancellationToken.None) is { } refusal)
    {
        await Console.Error.WriteLineAsync(refusal);
        return 1;
    }

    await host.RunAsync();
    return 0;
}
catch (Exception exception) when (SettingErrors.Describe(exception) is { } line)
{
    await Console.Error.WriteLineAsync(line);
    return 1;
}
