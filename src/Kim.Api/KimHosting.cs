using Kim.Core;

namespace Kim.Api;

/// <summary>
/// Where the app runs. Under the Azure Functions host (a custom handler), the host tells the app
/// its port in <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> and drives the queue and timer triggers itself;
/// standalone (local runs, tests, containers), Kim's own hosted services do that part.
/// </summary>
public static class KimHosting
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public static string? FunctionsPort(IConfiguration configuration) => configuration["FUNCTIONS_CUSTOMHANDLER_PORT"];

    public static bool IsFunctionsHost(IConfiguration configuration) => !string.IsNullOrEmpty(FunctionsPort(configuration));

    /// <summary>
    /// An on/off setting whose default depends on where Kim runs: unset, it is
    /// <paramref name="underFunctionsHost"/> under the host and the opposite standalone; a value
    /// other than true or false stops start-up with the setting's name.
    /// </summary>
    public static bool Switch(IConfiguration configuration, string key, bool underFunctionsHost)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return IsFunctionsHost(configuration) == underFunctionsHost;
        }

        return bool.TryParse(text.Trim(), out var value)
            ? value
            : throw new InvalidSettingException(key, $"'{text}' is not 'true' or 'false'.");
    }

    /// <summary>Listens where the Functions host expects it, else on ASPNETCORE_URLS, else on the default.</summary>
    public static void ConfigureUrls(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (FunctionsPort(builder.Configuration) is { Length: > 0 } port)
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }
        else if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
    }
}
