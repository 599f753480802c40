using System.Text.RegularExpressions;
using Kim.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kim.Api.Mail;

/// <summary>
/// The base of the links in mail: <c>Kim__PublicBaseUrl</c>, else the first URL the app listens
/// on, else the first of <c>ASPNETCORE_URLS</c>, else <c>http://127.0.0.1:7071</c> (as scripts/run.sh).
/// </summary>
internal static partial class PublicBaseUrl
{
    public const string SettingKey = "Kim:PublicBaseUrl";

    public static readonly Uri Default = new("http://127.0.0.1:7071");

    /// <summary>The configured base URL, or null when not set. Throws at start-up when it is not an absolute http(s) URL.</summary>
    public static Uri? Configured(IConfiguration configuration)
    {
        var text = configuration[SettingKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidSettingException(SettingKey, $"'{text}' is not an absolute http(s) URL, e.g. 'https://kim.example.org'.");
        }

        return uri;
    }

    /// <summary>Where the app listens (known once the server has started), else <c>ASPNETCORE_URLS</c>, else the default.</summary>
    public static Uri Listening(IServer? server, IConfiguration configuration)
    {
        var addresses = server?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var urls = (configuration[WebHostDefaults.ServerUrlsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var candidate in addresses.Concat(urls))
        {
            // A wildcard host (http://*:8080, http://+:8080, 0.0.0.0, [::]) is no address to link to.
            var text = WildcardHost().Replace(candidate, "${scheme}localhost");
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return uri;
            }
        }

        return Default;
    }

    [GeneratedRegex(@"^(?<scheme>https?://)(\*|\+|0\.0\.0\.0|\[::\])(?=[:/]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WildcardHost();
}
