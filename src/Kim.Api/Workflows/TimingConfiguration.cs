using Kim.Core.Workflows;
using Microsoft.Extensions.Primitives;

namespace Kim.Api.Workflows;

/// <summary>
/// The workflow intervals from configuration (<c>Kim__Timing__…</c>, docs/timing.md), read again
/// whenever the configuration reloads: the workflows read <see cref="Current"/> each time they set a
/// timer, so a changed value applies to timers set after the change. A bad value fails start-up.
/// </summary>
public sealed class TimingConfiguration
{
    public const string Section = TimingSettings.Section;

    private TimingSettings _current;

    public TimingConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        _current = Read(section);
        Calendar = WorkingCalendar.FromSetting(section["ExtraHolidays"]);
        ChangeToken.OnChange(section.GetReloadToken, () => _current = Read(section));
    }

    public TimingSettings Current => _current;

    public WorkingCalendar Calendar { get; }

    private static TimingSettings Read(IConfigurationSection section) => new(
        Values(section, skip: ["Districts", "Municipalities", "ExtraHolidays"]),
        Nested(section.GetSection("Districts")),
        Nested(section.GetSection("Municipalities")));

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Nested(IConfigurationSection section) =>
        section.GetChildren().ToDictionary(
            child => child.Key,
            child => (IReadOnlyDictionary<string, string>)Values(child, skip: []),
            StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, string> Values(IConfigurationSection section, string[] skip) =>
        section.GetChildren()
            .Where(child => child.Value is not null && !skip.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(child => child.Key, child => child.Value!, StringComparer.OrdinalIgnoreCase);
}
