using Kim.Core;

namespace Kim.Api;

/// <summary>
/// Where the app runs. Under the Azure Functions host (Kim.Functions, a .NET isolated worker) the
/// host's timer triggers drive the reminder schedule and the wake-up sweep, and the worker says so
/// in <see cref="FunctionsHostKey"/>; standalone (local runs, tests, containers), Kim's own hosted
/// services do that part.
/// </summary>
public static class KimHosting
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>
    /// <c>true</c> in the configuration of Kim.Functions, which sets it itself (not an app setting:
    /// the plans differ in which of the host's own variables reach the worker).
    /// </summary>
    public const string FunctionsHostKey = "Kim:Hosting:FunctionsHost";

    public static bool IsFunctionsHost(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.Equals(configuration[FunctionsHostKey], "true", StringComparison.OrdinalIgnoreCase);
    }

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

    /// <summary>Standalone: listens on ASPNETCORE_URLS, else on the default.</summary>
    public static void ConfigureUrls(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
    }
}
