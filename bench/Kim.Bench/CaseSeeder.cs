using System.Diagnostics;
using System.Globalization;
using Kim.Core;
using Kim.Core.Records;
using Kim.Core.Workflows;

namespace Kim.Bench;

/// <summary>
/// Opens many cases fast and honestly: through the app's <see cref="WorkflowClient"/> (the record's
/// decision, its commit and the waker that starts the case clock through the DurableTaskClient), as an
/// HTTP command does, without HTTP; 16 at a time.
/// </summary>
public static class CaseSeeder
{
    private const int Parallelism = 16;

    /// <summary>Opens <paramref name="count"/> cases (their case clocks wait on the first-contact timer, days away); returns their ids and how long it took.</summary>
    public static async Task<(IReadOnlyList<string> CaseIds, TimeSpan Elapsed)> OpenAsync(WorkflowClient workflows, string prefix, int count, bool startClearing)
    {
        var input = KimJson.ToElement(new
        {
            municipality = "luedenscheid",
            district = "mk",
            client = new { givenName = "Bench", familyName = "Mark", dateOfBirth = "1990-04-12" },
            urgency = "normal",
            consentToCaseProcessing = true,
        });
        var ids = Enumerable.Range(0, count).Select(i => $"c-{prefix}{i.ToString("D5", CultureInfo.InvariantCulture)}").ToList();
        var watch = Stopwatch.StartNew();
        var opened = 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (id, ct) =>
        {
            Applied(await workflows.StartAsync(id, CaseWorkflow.WorkflowName, input, "cm-luedenscheid", ct), id);
            if (startClearing)
            {
                Applied(await workflows.RaiseEventAsync(id, CaseEvents.StartClearing, null, "cm-luedenscheid", cancellationToken: ct), id);
            }

            Progress(Interlocked.Increment(ref opened), count, watch.Elapsed);
        });
        return (ids, watch.Elapsed);
    }

    // A long seed shows that it moves, and how its pace changes as the tables grow (Azurite scans a whole table per query).
    private static void Progress(int opened, int count, TimeSpan elapsed)
    {
        if (opened % 500 == 0 && opened < count)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  … {opened:N0} of {count:N0} cases opened in {elapsed.TotalSeconds:0} s"));
        }
    }

    /// <exception cref="InvalidOperationException">The command was not applied.</exception>
    public static void Applied(WorkflowResult result, string caseId)
    {
        if (result.Outcome != WorkflowOutcome.Applied)
        {
            throw new InvalidOperationException($"{caseId}: {result.Outcome} {result.Rejection}");
        }
    }
}
