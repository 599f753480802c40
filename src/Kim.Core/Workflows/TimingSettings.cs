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
/// Values are parsed once, here; a bad name or value throws <see cref="FormatException"/> naming
/// the setting, so a typo fails at start-up rather than silently using a default.
/// </summary>
public sealed class TimingSettings
{
    private static readonly FrozenDictionary<string, Func<TimingOptions, Interval, TimingOptions>> Setters =
        new Dictionary<string, Func<TimingOptions, Interval, TimingOptions>>(StringComparer.OrdinalIgnoreCase)
        {
            [nameof(TimingOptions.FirstContactDue)] = (o, v) => o with { FirstContactDue = v },
            [nameof(TimingOptions.SupportPlanDue)] = (o, v) => o with { SupportPlanDue = v },
            [nameof(TimingOptions.PlanReview)] = (o, v) => o with { PlanReview = v },
            [nameof(TimingOptions.NoContact)] = (o, v) => o with { NoContact = v },
            [nameof(TimingOptions.ResidenceDocumentWarning)] = (o, v) => o with { ResidenceDocumentWarning = v },
            [nameof(TimingOptions.BenefitPeriodWarning)] = (o, v) => o with { BenefitPeriodWarning = v },
            [nameof(TimingOptions.MaximumDuration)] = (o, v) => o with { MaximumDuration = v },
            [nameof(TimingOptions.PartnerResponse)] = (o, v) => o with { PartnerResponse = v },
            [nameof(TimingOptions.ClientArrivalCheck)] = (o, v) => o with { ClientArrivalCheck = v },
            [nameof(TimingOptions.HandoverNotice)] = (o, v) => o with { HandoverNotice = v },
            [nameof(TimingOptions.DeclinedDeletion)] = (o, v) => o with { DeclinedDeletion = v },
            [nameof(TimingOptions.Retention)] = (o, v) => o with { Retention = v },
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly TimingOptions _defaults;
    private readonly FrozenDictionary<string, TimingOptions> _districts;
    private readonly FrozenDictionary<string, IReadOnlyList<KeyValuePair<string, Interval>>> _municipalities;

    public TimingSettings(
        IReadOnlyDictionary<string, string>? defaults = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? districts = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? municipalities = null)
    {
        _defaults = Apply(TimingOptions.Defaults, Parse("Kim:Timing", defaults));
        _districts = (districts ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
            .ToFrozenDictionary(
                d => d.Key,
                d => Apply(_defaults, Parse($"Kim:Timing:Districts:{d.Key}", d.Value)),
                StringComparer.OrdinalIgnoreCase);
        _municipalities = (municipalities ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
            .ToFrozenDictionary(
                m => m.Key,
                m => (IReadOnlyList<KeyValuePair<string, Interval>>)Parse($"Kim:Timing:Municipalities:{m.Key}", m.Value),
                StringComparer.OrdinalIgnoreCase);
    }

    public static TimingSettings Default { get; } = new();

    /// <summary>The setting names, as in <c>Kim__Timing__{name}</c>.</summary>
    public static IReadOnlyCollection<string> Names => Setters.Keys;

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
                throw new FormatException($"{section}:{name} is not a timing setting; known: {string.Join(", ", Setters.Keys)}.");
            }

            if (!Interval.TryParse(text, out var interval))
            {
                throw new FormatException(
                    $"{section}:{name} = '{text}' is not an interval: use e.g. 10wd (working days), 14d, 6w, 3mo, 3y, P14D, P3M or 14.00:00:00.");
            }

            parsed.Add(new(name, interval));
        }

        return parsed;
    }
}
