using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kim.Functions.Tests;

/// <summary>
/// The worker's host built as Kim.Functions' Program builds it (<see cref="KimFunctionServices.ConfigureKimFunctions"/>),
/// in Development, but never run: no
/// Functions host is there to connect to. Hosted services do not start; storage is only reached
/// when a route or function is called.
/// </summary>
internal static class WorkerServices
{
    public static IHost Build(string storage, Action<IServiceCollection>? services = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Environment.EnvironmentName = Environments.Development;
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = storage });
        builder.ConfigureKimFunctions();
        services?.Invoke(builder.Services);
        return builder.Build();
    }
}
