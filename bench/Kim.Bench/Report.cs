using System.Globalization;

namespace Kim.Bench;

/// <summary>Prints figures and their ratio against the baseline measured in the same run.</summary>
public static class Report
{
    public static void Header(string title) => Console.WriteLine($"\n## {title}");

    public static void Compare(Measurement baseline, Measurement candidate)
    {
        Line(baseline, "baseline");
        Line(candidate, string.Create(CultureInfo.InvariantCulture, $"{candidate.PerSecond / baseline.PerSecond:0.00}x baseline throughput"));
    }

    public static void Line(Measurement m, string note) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{m.Name,-44} {m.PerSecond,10:0.0} ops/s {m.AllocatedPerOperation / 1024,10:0.0} KiB/op   {note}"));

    public static void Figure(string name, string value, string note) =>
        Console.WriteLine($"{name,-44} {value,24}   {note}");
}
