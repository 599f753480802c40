using System.Collections.Frozen;

namespace Kim.Core.Workflows;

/// <summary>
/// Resolves the effective <see cref="TimingOptions"/> of a municipality: defaults, overridden by
/// the district's settings, overridden by the municipality's. Pure: the configuration binding
/// hands in plain dictionaries of setting name → text (see docs/timing.md for the names):
/// <code>
/// Kim__Timing__PlanReview=P2M                                  (all districts)
/// Kim__Timing__Districts__mk__FirstContactDue=5wd              (district mk)
/// Kim__Timing__Municipalities__iserlohn__NoContact=P4W         (municipality iserlohn)
/// </code>
/// Values are parsed once, here; a bad name or value throws <see cref="InvalidSettingException"/>
/// naming the setting and the valid names or forms, so a typo fails at start-up rather than
/// silently using a default.
/// </summary>
public sealed class TimingSettings
{
    // In the order of docs/timing.md, so that an error lists them as the reader knows them.
    private static readonly (string Name, Func<TimingOptions, Interval, TimingOptions> Set)[] Settings =
    [
        (nameof(TimingOptions.FirstContactDue), (o, v) => o with { FirstContactDue = v }),
        (nameof(TimingOptions.SupportPlanDue), (o, v) => o with { SupportPlanDue = v }),
        (nameof(TimingOptions.PlanReview), (o, v) => o with { PlanReview = v }),
        (nameof(TimingOptions.NoContact), (o, v) => o with { NoContact = v }),
        (nameof(TimingOptions.ResidenceDocumentWarning), (o, v) => o with { ResidenceDocumentWarning = v }),
        (nameof(TimingOptions.BenefitPeriodWarning), (o, v) => o with { BenefitPeriodWarning = v }),
        (nameof(TimingOptions.MaximumDuration), (o, v) => o with { MaximumDuration = v }),
        (nameof(TimingOptions.PartnerResponse), (o, v) => o with { PartnerResponse = v }),
        (nameof(TimingOptions.ClientArrivalCheck), (o, v) => o with { ClientArrivalCheck = v }),
        (nameof(TimingOptions.HandoverNotice), (o, v) => o with { HandoverNotice = v }),
        (nameof(TimingOptions.DeclinedDeletion), (o, v) => o with { DeclinedDeletion = v }),
        (nameof(TimingOptions.Retention), (o, v) => o with { Retention = v }),
    ];

    private static readonly FrozenDictionary<string, Func<TimingOptions, Interval, TimingOptions>> Setters =
        Settings.ToFrozenDictionary(s => s.Name, s => s.Set, StringComparer.OrdinalIgnoreCase);

    private readonly TimingOptions _defaults;
    private readonly FrozenDictionary<string, TimingOptions> _districts;
    private readonly FrozenDictionary<string, IReadOnlyList<KeyValuePair<string, Interval>>> _municipalities;

    public TimingSettings(
        IReadOnlyDictionary<string, string>? defaults = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? districts = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? municipalities = null)
    {
        _defaults = Apply(TimingOptions.Defaults, Parse(Section, defaults));
        _districts = (districts ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
            .ToFrozenDictionary(
                d => d.Key,
                d => Apply(_defaults, Parse($"{Section}:Districts:{d.Key}", d.Value)),
                StringComparer.OrdinalIgnoreCase);
        _municipalities = (municipalities ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
            .ToFrozenDictionary(
                m => m.Key,
                m => (IReadOnlyList<KeyValuePair<string, Interval>>)Parse($"{Section}:Municipalities:{m.Key}", m.Value),
                StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The configuration section of the intervals: <c>Kim:Timing</c>.</summary>
    public const string Section = "Kim:Timing";

    public static TimingSettings Default { get; } = new();

    /// <summary>The interval setting names, as in <c>Kim__Timing__{name}</c>, in the order of docs/timing.md.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Settings.Select(s => s.Name)];

    /// <summary>The options for a case of <paramref name="municipality"/> in <paramref name="district"/> (either may be unknown).</summary>
    public TimingOptions For(string? district, string? municipality)
    {
        var options = district is not null && _districts.TryGetValue(district, out var forDistrict) ? forDistrict : _defaults;
        return municipality is not null && _municipalities.TryGetValue(municipality, out var overrides)
            ? Apply(options, overrides)
            : options;
    }

    private static TimingOptions Apply(TimingOptions options, IReadOnlyList<KeyValuePair<string, Interval>> overrides) =>
        overrides.Aggregate(options, (current, o) => Setters[o.Key](current, o.Value));

    private static List<KeyValuePair<string, Interval>> Parse(string section, IReadOnlyDictionary<string, string>? values)
    {
        var parsed = new List<KeyValuePair<string, Interval>>();
        foreach (var (name, text) in values ?? new Dictionary<string, string>())
        {
            if (!Setters.ContainsKey(name))
            {
                throw new InvalidSettingException($"{section}:{name}", $"is not a timing setting; known: {string.Join(", ", Names)}{SectionNames(section)}.");
            }

            if (!Interval.TryParse(text, out var interval))
            {
                throw new InvalidSettingException(
                    $"{section}:{name}", $"'{text}' is not an interval: use e.g. 10wd (working days), 14d, 6w, 3mo, 3y, P14D, P3M or 14.00:00:00.");
            }

            parsed.Add(new(name, interval));
        }

        return parsed;
    }

    // The top level also holds the calendar and the per-district and per-municipality sections.
    private static string SectionNames(string section) =>
        section == Section ? ", ExtraHolidays, Districts__{district}__{name}, Municipalities__{municipality}__{name}" : "";
}
