using Kim.Api;
using Kim.Api.Records;
using Kim.Functions.Durable;
using Kim.Functions.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kim.Functions;

/// <summary>The worker's services: Kim.Api's, plus what the Functions host stands in for.</summary>
public static class KimFunctionServices
{
    /// <summary>
    /// Makes <paramref name="builder"/> Kim's worker: ASP.NET Core integration (the host proxies
    /// HTTP requests to the worker), the mark <see cref="KimHosting.FunctionsHostKey"/> and
    /// <see cref="AddKimFunctions"/>. Settings must be in its configuration already.
    /// </summary>
    /// <returns><paramref name="builder"/>.</returns>
    public static FunctionsApplicationBuilder ConfigureKimFunctions(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureFunctionsWebApplication();
        builder.Configuration.AddInMemoryCollection([new(KimHosting.FunctionsHostKey, "true")]);
        builder.Services.AddKimFunctions(builder.Configuration, builder.Environment);
        return builder;
    }

    /// <summary>
    /// Registers <see cref="KimApi.AddKimApi"/>, the <see cref="InvocationDurableClient"/> as the
    /// <see cref="DurableTaskClient"/>, the <c>ClockWaker</c> that wakes orchestrations after a
    /// commit (as Kim.Standalone does), the route table and its <see cref="RouteBridge"/>.
    /// </summary>
    /// <param name="services">The worker's services.</param>
    /// <param name="configuration">The app settings (environment variables use <c>__</c> for <c>:</c>).</param>
    /// <param name="environment">Development enables the demo seed, the development sign-in and mailbox.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddKimFunctions(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddKimApi(configuration, environment);
        services.AddSingleton<DurableTaskClient, InvocationDurableClient>();
        services.AddKimClockWaker();
        services.AddSingleton(KimRouteTable.Build);
        services.AddSingleton<RouteBridge>();
        return services;
    }
}
